package io.reformkg.validation;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** All SHACL findings for a dataset; it conforms when none is a violation. */
public record ValidationResult(List<Finding> findings) {
    public ValidationResult {
        findings = List.copyOf(findings);
    }

    /** The order of findings in a result: violations first, then by focus node. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::focusNode);

    /** The findings of both results, as if one validation had found them. */
    public ValidationResult and(ValidationResult other) {
        return new ValidationResult(Stream.concat(findings.stream(), other.findings.stream()).sorted(ORDER).toList());
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
