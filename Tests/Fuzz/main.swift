import Foundation

#if LINGYAN_FUZZING
/// libFuzzer's entry for a program that keeps its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments) { lingyanFuzzOneInput($0, $1) })
#else
// Without libFuzzer: replay each file, or each file of a directory, named (kept crashes, the corpus).
var replayed = 0
for path in CommandLine.arguments.dropFirst() {
    var isDirectory: ObjCBool = false
    let files: [String]
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
    } else {
        files = [path]
    }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else {
            print("lingyan-fuzz: cannot read \(file)")
            exit(66)
        }
        data.withUnsafeBytes { bytes in _ = lingyanFuzzOneInput(bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, bytes.count) }
        replayed += 1
    }
}
print("lingyan-fuzz: \(replayed) inputs replayed without a crash")
#endif
