/// The tool's version, written into every manifest and state file.
public enum ToolVersion {
    public static let current = "0.1.0"
}
