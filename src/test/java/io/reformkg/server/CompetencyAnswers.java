package io.reformkg.server;

import java.util.List;
import java.util.Map;

/**
 * The competency questions (test resources {@code server/cq/*.rq}) and their exact answers from
 * the brief, each row as its values joined by {@code |}.
 */
final class CompetencyAnswers {
    static final Map<String, List<String>> EXPECTED = Map.of(
            "cq/cq1-co-guidance-pairs.rq", List.of("人民银行|银保监会|5", "科技部|银保监会|4", "人民银行|科技部|3",
                    "人民银行|财政部|2", "科技部|财政部|2", "财政部|银保监会|2", "人民银行|发展改革委|1", "发展改革委|科技部|1",
                    "发展改革委|财政部|1", "发展改革委|银保监会|1"),
            "cq/cq2-measures-per-body.rq", List.of("科技部|9", "人民银行|6", "发展改革委|6", "财政部|6", "银保监会|6",
                    "知识产权局|3", "人力资源社会保障部|1", "司法部|1", "国资委|1", "工业和信息化部|1", "教育部|1", "最高人民法院|1",
                    "海关总署|1"),
            "cq/cq3-pilot-only.rq", List.of("3", "4", "7", "14", "15"),
            "cq/cq4-declared-present.rq", List.of("第三批支持创新相关改革举措推广清单|20|16",
                    "1|一、科技金融创新方面（共7项）|7|7", "2|二、科技管理体制创新方面（共6项）|6|6",
                    "3|三、知识产权保护方面（共2项）|2|2", "4|四、人才培养和激励方面（共1项）|1|1",
                    "5|五、军民深度融合方面（共4项）|4|0"),
            "cq/cq5-single-body.rq", List.of("12|海关总署"),
            "cq/cq6-categories-per-body.rq", List.of("发展改革委|3", "财政部|3", "人民银行|2", "知识产权局|2", "科技部|2",
                    "人力资源社会保障部|1", "司法部|1", "国资委|1", "工业和信息化部|1", "教育部|1", "最高人民法院|1", "海关总署|1",
                    "银保监会|1"),
            "cq/cq7-changed-bodies.rq", List.of(1, 3, 4, 5, 6, 7).stream()
                    .map(number -> "银保监会|国家金融监督管理总局|2023|" + number).toList(),
            "cq/cq8-measures-in-place.rq", java.util.stream.IntStream.rangeClosed(1, 16)
                    .mapToObj(String::valueOf).toList());

    private CompetencyAnswers() {
    }

    /** Rows as {@code a|b|c}; an unbound value and an empty one (CSV cannot tell them apart) are left out. */
    static List<String> flatten(List<Map<String, String>> rows) {
        return rows.stream().map(row -> String.join("|", row.values().stream()
                .filter(value -> !value.isEmpty()).toList())).toList();
    }
}
