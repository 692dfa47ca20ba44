@_exported import ThemeFormat

extension ThemeLibrary {
    /// The themes built into exocall (the repository's `themes/`, resolved when it was built)
    /// plus the user's, from `userFolder` if it exists.
    public init(userFolder: String?) {
        self.init(bundled: BundledThemes.files, prebuilt: BundledThemes.theme(named:), userFolder: userFolder)
    }
}
