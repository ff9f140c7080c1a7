import Foundation
import Logging
import ServiceKit
import ServiceLifecycle
import Shared

/// Expires forms 365 days after their submission or last renewal, and partner profiles after their last valid
/// day (DESIGN §7), at start and then every minute.
///
/// The day is the Hangzhou calendar day of the service's clock, so `LINGYAN_NOW` shows any date's state. A form
/// renewed in time never expires; an expired one can still be renewed, which sends it back to review. An expired
/// profile leaves matching; a re-import or update with a later day brings it back.
struct ExpirySweep: Service {
    let store: RegistryStore
    let clock: LingyanClock
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let expired = try await self.store.expireForms(today: self.clock.now())
                    if !expired.isEmpty {
                        self.logger.notice("forms expired", metadata: ["forms": "\(expired.joined(separator: ","))"])
                    }
                    let profiles = try await self.store.expirePartners(today: self.clock.now())
                    if !profiles.isEmpty {
                        self.logger.notice("partner profiles expired", metadata: ["count": "\(profiles.count)", "first": "\(profiles[0])"])
                    }
                } catch {
                    self.logger.error("expiry sweep failed; retrying at the next sweep", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: self.interval)
            }
        }
    }
}
