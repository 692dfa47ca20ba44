import ArgumentParser

/// `--profile NAME`.
struct ProfileOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this profile of config.toml (default: EXOCALL_PROFILE, else default_profile).", valueName: "NAME"))
    var profile: String?
}
