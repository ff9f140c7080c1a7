import Crypto
import Foundation
import Logging

/// The Ed25519 key that signs audit checkpoints (DESIGN §10).
///
/// Created on first start: the raw 32-byte private key in `audit/keys/audit-signing.key` (mode 0600, directory
/// 0700), and the public key as base64 plus a newline in `audit/archive/audit-signing.pub`, where any Ed25519
/// library can pick it up to check a checkpoint without trusting the service.
enum AuditSigningKey {
    /// Why the key could not be loaded.
    enum KeyError: Error, CustomStringConvertible {
        case malformedKeyFile(path: String, sizeBytes: Int)

        var description: String {
            switch self {
            case .malformedKeyFile(let path, let size):
                return "the audit signing key \(path) holds \(size) bytes, not a raw 32-byte Ed25519 key; restore it from a backup"
            }
        }
    }

    static func loadOrCreate(keyDirectory: String, archiveDirectory: String, logger: Logger) throws
        -> Curve25519.Signing.PrivateKey
    {
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: keyDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try manager.createDirectory(
            atPath: archiveDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let keyPath = "\(keyDirectory)/audit-signing.key"
        let publicPath = "\(archiveDirectory)/audit-signing.pub"
        let key: Curve25519.Signing.PrivateKey
        if let raw = manager.contents(atPath: keyPath) {
            guard raw.count == 32 else { throw KeyError.malformedKeyFile(path: keyPath, sizeBytes: raw.count) }
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        } else {
            key = Curve25519.Signing.PrivateKey()
            guard manager.createFile(atPath: keyPath, contents: key.rawRepresentation, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: keyPath]) }
            logger.notice("created the audit signing key", metadata: ["publicKey": "\(publicPath)"])
        }
        let publicText = key.publicKey.rawRepresentation.base64EncodedString() + "\n"
        if manager.contents(atPath: publicPath) != Data(publicText.utf8) {
            try Data(publicText.utf8).write(to: URL(fileURLWithPath: publicPath), options: .atomic)
        }
        return key
    }
}
