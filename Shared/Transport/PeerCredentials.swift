#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore

/// The kernel's `struct ucred`, which Glibc's Swift module does not expose: the credentials of the process at
/// the other end of a Unix socket, as of when it connected.
struct UnixCredentials: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

/// Who is at the other end of a connection.
public struct Peer: Sendable, Hashable {
    /// The peer's process id.
    public var pid: Int32
    /// The peer's user id.
    public var uid: UInt32
    /// The peer's primary group id.
    public var gid: UInt32
    /// The user name of `uid`, when the system has one.
    public var userName: String?

    public init(pid: Int32, uid: UInt32, gid: UInt32, userName: String?) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.userName = userName
    }

    /// Reads `SO_PEERCRED` from a connected Unix socket channel. Must be called on the channel's event loop.
    static func read(from channel: any Channel) -> EventLoopFuture<Peer> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        #if os(Linux)
        let future: EventLoopFuture<UnixCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return future.map { credentials in
            Peer(
                pid: credentials.pid, uid: credentials.uid, gid: credentials.gid,
                userName: SystemUsers.name(of: credentials.uid))
        }
        #else
        return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        #endif
    }
}

/// Look-ups in the system's user and group databases.
public enum SystemUsers {
    /// The user name of a uid, or nil.
    public static func name(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>? = nil
        var buffer = [CChar](repeating: 0, count: 1024)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name
        else { return nil }
        return String(cString: name)
    }

    /// The names and numbers of every group a user belongs to (primary group included).
    public static func groups(of userName: String?, primaryGroup: UInt32) -> (ids: Set<UInt32>, names: Set<String>) {
        var ids: Set<UInt32> = [primaryGroup]
        if let userName {
            var count: Int32 = 64
            var list = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(userName, primaryGroup, &list, &count) >= 0 {
                ids.formUnion(list.prefix(Int(count)))
            }
        }
        var names: Set<String> = []
        for id in ids {
            var entry = group()
            var result: UnsafeMutablePointer<group>? = nil
            var buffer = [CChar](repeating: 0, count: 4096)
            if getgrgid_r(id, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name {
                names.insert(String(cString: name))
            }
        }
        return (ids, names)
    }
}
