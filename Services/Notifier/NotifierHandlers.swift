import Foundation
import ServiceKit
import Shared

/// `notifications.list`, `notifications.retry`, `notifications.preview`.
struct NotifierHandlers: Sendable {
    let store: NotifierStore
    let clock: LingyanClock

    func register(in router: inout RPCRouter) {
        router.registerBlocking(NotificationInterface.List.self) { params, _ in
            let limit = params.limit ?? 50
            guard (1...500).contains(limit) else { throw RPCError.invalidParams("limit must be between 1 and 500") }
            return .init(notifications: try self.store.list(params, limit: limit))
        }
        router.registerBlocking(NotificationInterface.Preview.self) { params, _ in
            guard let (notification, message) = try self.store.notification(id: params.id) else {
                throw RPCError(code: .notFound, message: "no notification \(params.id)")
            }
            return .init(notification: notification, message: String(decoding: message, as: UTF8.self))
        }
        router.registerBlocking(NotificationInterface.Retry.self) { params, context in
            guard let notification = try self.store.retry(id: params.id, at: Timestamp.string(from: self.clock.now())) else {
                throw RPCError(code: .notFound, message: "no notification \(params.id)")
            }
            guard notification.state == .pending else {
                throw RPCError(
                    code: .conflict, message: "notification \(params.id) is \(notification.state.rawValue); only failed or dead ones are retried")
            }
            self.store.queued.advance(to: self.store.queued.head + 1)
            context.logger.info("notification queued again", metadata: ["notification": "\(params.id)"])
            return notification
        }
    }
}
