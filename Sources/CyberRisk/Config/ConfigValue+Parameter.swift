extension ConfigValue {
    /// The parameter this node gives — a number, or a distribution — decoded as a config field
    /// is (``ScenarioDecoder``, without bounds); `nil` when it is not one. The sweep layer reads a
    /// varied field's base value with it.
    package var parameter: Parameter? {
        var decoder = ScenarioDecoder(files: DiskFileSystem(), embedded: EmbeddedConfigs.fileSystem)
        return decoder.parameter(self, .root, .unbounded)
    }
}
