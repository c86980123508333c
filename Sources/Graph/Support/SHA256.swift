import Foundation

/// A compact SHA-256 (FIPS 180-4), used for document fingerprints where CryptoKit is not
/// available (Linux).
///
/// ```swift
/// SHA256.hex(Array("abc".utf8)) // "ba7816bf…f20015ad"
/// ```
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The 32-byte digest of `bytes`.
    /// - Parameter bytes: the message.
    /// - Complexity: O(n) in the message length; contiguous collections (`[UInt8]`, `Data`)
    ///   are hashed in place, others are copied once.
    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let d = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return d }
        if let data = bytes as? Data { return data.withUnsafeBytes { digest($0) } }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The 32-byte digest of the bytes in `message`: whole blocks straight from the buffer,
    /// only the last one or two (with the padding) copied.
    /// - Complexity: O(n) in the message length.
    static func digest(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        var state = State()
        let whole = message.count / 64 * 64
        if whole > 0, let base = message.baseAddress { state.compress(base, blocks: whole / 64) }
        // the tail, 0x80, zeros and the bit length: one block, or two when the tail is 56 bytes or longer
        var tail = [UInt8](repeating: 0, count: 128)
        let rest = message.count - whole
        for i in 0..<rest { tail[i] = message[whole + i] }
        tail[rest] = 0x80
        let blocks = rest < 56 ? 1 : 2
        let bitLength = UInt64(message.count) &* 8
        for i in 0..<8 { tail[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
        tail.withUnsafeBytes { state.compress($0.baseAddress!, blocks: blocks) }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for v in [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h] {
            for s: UInt32 in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: v >> s)) }
        }
        return out
    }

    /// The eight working words between blocks.
    private struct State {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        /// Runs the compression function over `blocks` 64-byte blocks at `p`.
        mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            SHA256.k.withUnsafeBufferPointer { k in
                for block in 0..<blocks {
                    let base = p + block * 64
                    for i in 0..<16 { w[i] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
                    for i in 16..<64 {
                        let x = w[i - 15], y = w[i - 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, h) = (self.a, self.b, self.c, self.d, self.e, self.f, self.g, self.h)
                    for i in 0..<64 {
                        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                        h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                    }
                    self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
                    self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
                }
            }
            }
        }
    }

    /// The digest of `bytes` as lower-case hex.
    /// - Complexity: O(n) in the message length.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var s: [UInt8] = []
        for b in digest(bytes) { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return String(decoding: s, as: UTF8.self)
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
