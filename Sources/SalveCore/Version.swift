// Salve's version, in one place: `salve --version` prints it.

public enum SalveVersion {
    public static let current = "0.1.0"
}
