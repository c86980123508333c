/// Replaces the value in `place` with `value` and returns the old one, moved out, not copied
/// (a copy of a struct of strings and arrays retains each of them; the dropped original then
/// releases them again).
///
/// ```swift
/// var names = ["a", "b"]
/// let old = exchange(&names, with: [])  // old == ["a", "b"], names == [] (same buffer, no copy)
/// ```
/// - Complexity: O(1).
@inline(__always)
func exchange<T>(_ place: inout T, with value: T) -> T {
    var out = value
    swap(&out, &place)
    return out
}
