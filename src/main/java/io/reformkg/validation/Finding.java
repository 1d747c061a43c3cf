package io.reformkg.validation;

/** One SHACL result: how severe, about which node and property, and what is wrong. */
public record Finding(Severity severity, String focusNode, String path, String message) {
    public enum Severity { VIOLATION, WARNING, INFO }

    @Override
    public String toString() {
        return severity.name().toLowerCase() + ": " + focusNode + (path == null ? "" : " " + path) + ": " + message;
    }
}
