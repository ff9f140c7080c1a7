import Testing

@testable import Admin

@Suite("CLI language")
struct LanguageTests {
    @Test("Chinese when the locale is Chinese or not set, English for another language, --lang above both", arguments: [
        ([String: String](), nil as Language?, Language.zh), (["LANG": "C.UTF-8"], nil, .zh), (["LANG": "POSIX"], nil, .zh),
        (["LANG": "zh_CN.UTF-8"], nil, .zh), (["LANG": "en_US.UTF-8"], nil, .en), (["LC_ALL": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"], nil, .en),
        (["LANG": "en_GB.UTF-8"], .zh, .zh), ([:], .en, .en), (["LC_ALL": "", "LANG": "en_US.UTF-8"], nil, .en),
    ])
    func resolve(environment: [String: String], given: Language?, expected: Language) {
        #expect(Language.resolve(given, environment: environment) == expected)
    }
}
