import Crypto
import Foundation

/// SHA-256 (FIPS 180-4) for document fingerprints, computed by swift-crypto (BoringSSL's
/// assembly, with the CPU's SHA extensions where it has them: a few GB/s, where a portable
/// Swift loop did about 25 MB/s and took a tenth of a build's time).
///
/// ```swift
/// SHA256.hex(Array("abc".utf8)) // "ba7816bf…f20015ad"
/// ```
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    /// - Parameter bytes: the message.
    /// - Complexity: O(n) in the message length; contiguous collections (`[UInt8]`, `Data`)
    ///   are hashed in place, others are copied once.
    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let d = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return d }
        if let data = bytes as? Data { return data.withUnsafeBytes { digest($0) } }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The 32-byte digest of the bytes in `message`.
    /// - Complexity: O(n) in the message length.
    static func digest(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = Crypto.SHA256()
        hasher.update(bufferPointer: message)
        return Array(hasher.finalize())
    }

    /// The digest of `bytes` as lower-case hex.
    /// - Complexity: O(n) in the message length.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let d = digest(bytes)
        return String(unsafeUninitializedCapacity: 2 * d.count) { out in
            func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
            for (i, b) in d.enumerated() { out[2 * i] = digit(b >> 4); out[2 * i + 1] = digit(b & 15) }
            return 2 * d.count
        }
    }
}
