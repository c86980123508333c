import Foundation

extension String {
    /// The string of these Unicode scalars, encoded straight into UTF-8 storage.
    ///
    /// Equal to appending them to a `String.UnicodeScalarView`, several times faster (that
    /// path goes through a generic per-scalar append). Two passes: the length, then the bytes.
    /// - Complexity: O(n) in the number of scalars.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        // the exact UTF-8 length first: a capacity of up to 15 bytes makes a small (inline,
        // unallocated) string, and a larger one is not over-allocated
        var length = 0
        for s in scalars {
            let v = s.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        guard length > 0 else { self = ""; return }
        self = String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    buffer[n] = UInt8(truncatingIfNeeded: v); n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); n += 3
                } else {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)); n += 4
                }
            }
            return n
        }
    }
}

extension Unicode.Scalar {
    /// `CharacterSet.whitespacesAndNewlines.contains(self)`, without Foundation for ASCII.
    var isWhitespaceOrNewline: Bool {
        isASCII ? self == " " || (value >= 0x09 && value <= 0x0D) : CharacterSet.whitespacesAndNewlines.contains(self)
    }
}

extension RandomAccessCollection where Index == Int {
    /// The first position whose element's `key` is not less than `x`, in a collection sorted
    /// by `key` (`endIndex` when every key is less).
    /// - Parameters:
    ///   - x: the key sought.
    ///   - key: the key each element is sorted by.
    /// - Complexity: O(log n) comparisons.
    func lowerBound<K: Comparable>(of x: K, by key: (Element) -> K) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if key(self[mid]) < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
