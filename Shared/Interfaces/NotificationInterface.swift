/// The `lingyan-notification` service's wire contract.
///
/// Subscriptions, the outbox, deliveries and the deadline schedule. Keeps a change feed.
public enum NotificationInterface {
    /// The service these methods belong to.
    public static let service = ServiceName.notification

    /// Every method the service answers, in the order `rpc.discover` lists them.
    public static let methods: [any RPCMethod.Type] = CommonInterface.methods + FeedInterface.methods
}
