import Foundation
import Logging
import ServiceKit
import ServiceLifecycle
import NIOPosix
import Shared

/// Seals by line count and by age, and signs checkpoints on a timer (DESIGN §10).
struct AuditSchedule: Service {
    let sealer: AuditSealer
    let clock: LingyanClock
    let logger: Logger
    let sealLines: Int
    let sealAge: Duration
    let checkpointEvery: Duration
    var tick: Duration = .seconds(2)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var lastCheckpoint = ContinuousClock.now
            while !Task.isCancelled {
                try? await Task.sleep(for: self.tick)
                do {
                    let checkpointDue = ContinuousClock.now - lastCheckpoint >= self.checkpointEvery
                    let signed = try await NIOThreadPool.singleton.runIfActive {
                        if try self.sealIsDue() {
                            _ = try self.sealer.seal()
                            return true
                        }
                        if checkpointDue {
                            _ = try self.sealer.checkpoint()
                            return true
                        }
                        return false
                    }
                    if signed { lastCheckpoint = ContinuousClock.now }
                } catch {
                    self.logger.error("scheduled seal or checkpoint failed; retrying", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    private func sealIsDue() throws -> Bool {
        let (count, oldest) = try self.sealer.store.livePart()
        guard count > 0 else { return false }
        if count >= self.sealLines { return true }
        guard let oldest, let recorded = Timestamp.date(from: oldest) else { return false }
        return self.clock.now().timeIntervalSince(recorded) >= Double(self.sealAge.components.seconds)
    }
}
