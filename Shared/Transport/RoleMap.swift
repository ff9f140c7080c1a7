#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Decides a peer's role from its credentials (DESIGN §5).
///
/// With no role map configured, root and the user the services run as are admins and every other peer is
/// unknown. With a map, a user entry wins over a uid entry, which wins over group entries (the highest role
/// among the peer's groups). Unknown peers get -32001 on every call.
public struct RoleMap: Sendable {
    private let configuration: RoleMapConfiguration?
    private let serviceUID: UInt32

    public init(configuration: RoleMapConfiguration?, serviceUID: UInt32 = getuid()) {
        self.configuration = configuration
        self.serviceUID = serviceUID
    }

    /// The peer's role, or nil for an unknown peer.
    public func role(of peer: Peer) -> Role? {
        guard let configuration else {
            return peer.uid == 0 || peer.uid == self.serviceUID ? .admin : nil
        }
        if let name = peer.userName, let role = configuration.users?[name] { return role }
        if let role = configuration.uids?[String(peer.uid)] { return role }
        if let groupRoles = configuration.groups, !groupRoles.isEmpty {
            let groups = SystemUsers.groups(of: peer.userName, primaryGroup: peer.gid)
            let roles = groupRoles.compactMap { key, role -> Role? in
                if let id = UInt32(key) { return groups.ids.contains(id) ? role : nil }
                return groups.names.contains(key) ? role : nil
            }
            if let best = roles.max() { return best }
        }
        // Root and the services' own user always keep admin, so that services can read each other's feeds.
        return peer.uid == 0 || peer.uid == self.serviceUID ? .admin : nil
    }
}
