/// One method of the wire contract: its name, its params and result types, who may call it and what errors it
/// declares. Every method is declared once, in the `*Interface.swift` file of the service that answers it; the
/// server's router, the client's typed calls and `rpc.discover` all read the same declaration.
public protocol RPCMethod: Sendable {
    associatedtype Params: Codable & Sendable & ShapeExample
    associatedtype Result: Codable & Sendable & ShapeExample

    /// The wire name, `noun.verb`.
    static var name: String { get }
    /// One line saying what the method does.
    static var summary: String { get }
    /// Who may call it.
    static var access: MethodAccess { get }
    /// The Lingyan-specific errors it may answer with, besides the codes every method may return.
    static var errors: [RPCErrorCode] { get }
}

extension RPCMethod {
    public static var errors: [RPCErrorCode] { [] }
}

/// Who may call a method, by the caller's role (DESIGN §5).
public enum MethodAccess: String, Codable, Sendable {
    /// Every known peer.
    case anyRole = "any"
    /// Readers, staff and admins (contact fields masked for readers); services too.
    case read
    /// Staff and admins.
    case write
    /// Services, staff and admins: feeds and internal methods.
    case service
    /// Admins only: catalogue rules and key material.
    case admin

    /// Whether a peer holding `role` may call a method with this access.
    public func allows(_ role: Role) -> Bool {
        switch self {
        case .anyRole, .read: return true
        case .write: return role >= .staff
        case .service: return role >= .service
        case .admin: return role == .admin
        }
    }
}

/// Params for methods that take none: `{}`, `[]` or no `params` member.
public struct NoParams: Codable, Sendable, Hashable, ShapeExample {
    public init() {}
    public static var example: NoParams { NoParams() }
}
