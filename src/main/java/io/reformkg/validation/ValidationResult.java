package io.reformkg.validation;

import java.util.List;

/** All SHACL findings for a dataset; it conforms when none is a violation. */
public record ValidationResult(List<Finding> findings) {
    public ValidationResult {
        findings = List.copyOf(findings);
    }

    public boolean conforms() {
        return violations().isEmpty();
    }

    public List<Finding> violations() {
        return of(Finding.Severity.VIOLATION);
    }

    public List<Finding> warnings() {
        return of(Finding.Severity.WARNING);
    }

    private List<Finding> of(Finding.Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).toList();
    }
}
