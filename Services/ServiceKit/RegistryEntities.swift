import Shared

/// Fetches the registry entities a page of feed events names, before the page is applied.
public enum RegistryEntities {
    /// The current form, partner profile or call for each key (`form:F-…`, `partner:P-…`, `call:…`), by key.
    ///
    /// Requests are pipelined on the one connection, at most `window` at a time: the registry refuses more than its
    /// in-flight limit (64) from one connection. An entity the registry no longer has is left out; any other
    /// failure fails the whole fetch, so that the page is tried again rather than applied without it.
    public static func fetch(_ client: RPCClient, keys: some Sequence<String>, window: Int = 32) async throws
        -> [String: any Sendable]
    {
        try await withThrowingTaskGroup(of: (String, (any Sendable)?).self) { group in
            var fetched: [String: any Sendable] = [:]
            for (index, key) in Set(keys).enumerated() {
                if index >= window, let (done, value) = try await group.next() { fetched[done] = value }
                group.addTask { (key, try await Self.fetchOne(client, key: key)) }
            }
            for try await (key, value) in group { if let value { fetched[key] = value } }
            return fetched
        }
    }

    private static func fetchOne(_ client: RPCClient, key: String) async throws -> (any Sendable)? {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        do {
            switch parts[0] {
            case "form": return try await client.call(RegistryInterface.FormsGet.self, .init(id: parts[1]))
            case "partner": return try await client.call(RegistryInterface.PartnersGet.self, .init(id: parts[1]))
            case "call": return try await client.call(RegistryInterface.CallsGet.self, .init(id: parts[1]))
            default: return nil
            }
        } catch let error as RPCError where error.knownCode == .notFound {
            return nil
        }
    }
}
