import Crypto
import Foundation
import Shared

extension AuditInterface.Checkpoint {
    /// A checkpoint of `size` lines ending in `head`, signed now.
    public static func signed(size: Int64, head: String, at: String, key: Curve25519.Signing.PrivateKey) throws -> Self {
        var checkpoint = Self(origin: Self.currentOrigin, size: size, head: head, at: at, signature: "")
        checkpoint.signature = try key.signature(for: Data(checkpoint.signedText.utf8)).base64EncodedString()
        return checkpoint
    }

    /// Whether the signature is `publicKey`'s over this checkpoint's text.
    public func isSigned(by publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard let signature = Data(base64Encoded: self.signature) else { return false }
        return publicKey.isValidSignature(signature, for: Data(self.signedText.utf8))
    }
}

/// Reads `audit-signing.pub`: base64 of the raw 32-byte key and a newline.
public enum AuditPublicKey {
    public static func load(path: String) throws -> Curve25519.Signing.PublicKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [
                NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "no public key at \(path)",
            ])
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), raw.count == 32 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [
                NSFilePathErrorKey: path,
                NSLocalizedDescriptionKey: "\(path) is not the base64 of a raw 32-byte Ed25519 public key",
            ])
        }
        return try Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }
}
