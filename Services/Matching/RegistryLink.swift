import Foundation
import Shared
import Synchronization

/// A connection to the registry for the handlers, made on first use and made again after the registry restarts.
final class RegistryLink: Sendable {
    private let socketPath: String
    private let client = Mutex<RPCClient?>(nil)

    init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Calls the registry; a registry that is down becomes -32005 for the caller.
    func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
        let client: RPCClient
        if let existing = self.client.withLock({ $0 }) {
            client = existing
        } else {
            do {
                client = try await RPCClient.connect(socketPath: self.socketPath)
            } catch {
                throw RPCError(code: .unavailable, message: "the registry is not reachable: \(error)")
            }
            self.client.withLock { $0 = client }
        }
        do {
            return try await client.call(method, params)
        } catch let error as RPCClientError {
            self.client.withLock { $0 = nil }
            await client.close()
            throw RPCError(code: .unavailable, message: "the registry did not answer: \(error)")
        }
    }
}
