package io.reformkg.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reformkg.reference.Division;
import io.reformkg.reference.PlaceIndex;
import io.reformkg.reference.ReferenceData;
import io.reformkg.reference.Scope;
import io.reformkg.reference.Term;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Writes a synthetic data folder in the real source format, for scale tests and benchmarks:
 * lists of at most {@link Builder#measuresPerList} measures, five sections each, one to six
 * guiding bodies per measure drawn from a skewed (Zipf-like) distribution, nationwide (70%),
 * pilot-region (20%) and city-level scopes (10%: one to three prefecture cities by name, as a
 * city's or province's own list would write them), and Chinese titles and content of realistic length. The same seed
 * always gives the same bytes. Files are streamed: memory does not grow with the corpus.
 */
public final class CorpusGenerator {
    private static final String[] HEADER = {"序号", "改革举措", "主 要 内 容", "指导部门", "推广范围"};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] SUBJECTS = {"科技型中小企业", "知识产权", "科技成果转化", "创新券", "大数据",
        "职业教育", "人才评价", "融资担保", "研发费用", "产学研合作", "首台套装备", "专利导航", "技术交易市场",
        "科研院所", "高新技术企业", "军民两用技术", "生物医药", "集成电路", "绿色金融", "数字经济"};
    private static final String[] ACTIONS = {"建立", "完善", "推行", "探索", "健全", "创新", "深化", "优化"};
    private static final String[] MECHANISMS = {"协同机制", "服务体系", "监管模式", "评价制度", "风险分担机制",
        "信贷新机制", "激励政策", "联动机制", "共享平台", "保护体系"};
    private static final String[] CLAUSES = {"在依法合规、风险可控的前提下", "通过统一服务机构登记标准",
        "政府集中遴选并建立风险分担机制", "运用大数据分析技术", "对试点企业进行一次性评估",
        "加强部门间信息共享和业务协同", "支持地方政府设立专项资金", "鼓励金融机构开发专属产品",
        "完善知识产权质押融资服务", "推动职业院校与企业共建实训基地", "实现企业异地采购科技服务",
        "形成统一管理、统一授信、统一担保的工作格局"};

    private final Path referenceDir;
    private final long measures;
    private final long seed;
    private final int measuresPerList;

    private CorpusGenerator(Builder builder) {
        this.referenceDir = builder.referenceFrom.resolve("reference");
        this.measures = builder.measures;
        this.seed = builder.seed;
        this.measuresPerList = builder.measuresPerList;
    }

    public static Builder create() {
        return new Builder();
    }

    public static final class Builder {
        private Path referenceFrom = Path.of("data");
        private long measures = 1_000;
        private long seed = 1;
        private int measuresPerList = 5_000;

        private Builder() {
        }

        /** The data folder whose {@code reference/} the corpus reuses (default {@code ./data}). */
        public Builder referenceFrom(Path dataDir) {
            this.referenceFrom = dataDir;
            return this;
        }

        public Builder measures(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("--measures must be at least 1, found " + count);
            }
            this.measures = count;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder measuresPerList(int count) {
            if (count < 5) {
                throw new IllegalArgumentException("a list holds at least 5 measures, found " + count);
            }
            this.measuresPerList = count;
            return this;
        }

        public CorpusGenerator build() {
            return new CorpusGenerator(this);
        }
    }

    /** Writes {@code sources/} and {@code reference/} under {@code out}; returns the number of lists. */
    public int writeTo(Path out) {
        ReferenceData reference = ReferenceData.load(referenceDir.getParent());
        List<String> bodies = reference.listedBodyNames();
        List<String> categories = reference.categories().stream().map(Term::zh).toList();
        List<String> scopes = reference.scopes().stream().map(Scope::text).toList();
        PlaceIndex places = reference.places();
        List<String> cities = reference.divisions().stream().filter(d -> d.level() == Division.Level.CITY)
                .map(places::uniqueName).toList();
        SplittableRandom random = new SplittableRandom(seed);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = json.createObjectNode();
        ArrayNode entries = manifest.putArray("sources");
        try {
            copyReference(out.resolve("reference"));
            Path sources = Files.createDirectories(out.resolve("sources"));
            long remaining = measures;
            int batch = 0;
            while (remaining > 0) {
                batch++;
                int size = (int) Math.min(measuresPerList, remaining);
                remaining -= size;
                String file = String.format("synthetic-batch-%05d.txt", batch);
                String title = "第" + batch + "批支持创新相关改革举措推广清单（合成数据）";
                writeList(sources.resolve(file), title, size, random, bodies, categories,
                        () -> scope(random, scopes, cities));
                entries.addObject().put("batch", batch).put("title", title)
                        .put("titleEn", "Synthetic list " + batch + " (generated, not an official list)")
                        .put("file", file);
            }
            json.writeValue(sources.resolve("manifest.json").toFile(), manifest);
            return batch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus to " + out, e);
        }
    }

    private void copyReference(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(referenceDir)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(referenceDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void writeList(Path file, String title, int size, SplittableRandom random, List<String> bodies,
                                  List<String> categories, Supplier<String> scopes) throws IOException {
        int sections = Math.min(categories.size(), NUMERALS.length);
        int[] perSection = split(size, sections, random);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(title + "\n\n");
            for (String cell : HEADER) {
                out.write("\t" + cell + "\n");
            }
            int number = 0;
            for (int s = 0; s < sections; s++) {
                out.write("\n\t" + NUMERALS[s] + "、" + categories.get(s) + "方面（共" + perSection[s] + "项）\n");
                for (int m = 0; m < perSection[s]; m++) {
                    number++;
                    out.write("\n\t" + number + "\n");
                    out.write("\t" + title(random) + "\n");
                    out.write("\t" + content(random) + "\n");
                    out.write("\t" + String.join("、", pickBodies(random, bodies)) + "\n");
                    out.write("\t" + scopes.get() + "\n");
                }
            }
        }
    }

    /** The first known scope (nationwide), the last (the pilot regions), or one to three cities. */
    private static String scope(SplittableRandom random, List<String> scopes, List<String> cities) {
        int draw = random.nextInt(10);
        if (draw < 7) {
            return scopes.get(0);
        }
        if (draw < 9) {
            return scopes.get(scopes.size() - 1);
        }
        int count = 1 + random.nextInt(3);
        Set<String> named = new LinkedHashSet<>();
        while (named.size() < count) {
            named.add(cities.get(random.nextInt(cities.size())));
        }
        return String.join("、", named);
    }

    /** Splits {@code total} into {@code parts} positive-or-zero shares, each section getting a random weight. */
    private static int[] split(int total, int parts, SplittableRandom random) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.2 + random.nextDouble();
            sum += weights[i];
        }
        int[] shares = new int[parts];
        int assigned = 0;
        for (int i = 0; i < parts; i++) {
            shares[i] = (int) Math.floor(total * weights[i] / sum);
            assigned += shares[i];
        }
        shares[0] += total - assigned;
        return shares;
    }

    private static String title(SplittableRandom random) {
        return pick(random, ACTIONS) + pick(random, SUBJECTS) + pick(random, SUBJECTS) + pick(random, MECHANISMS);
    }

    private static String content(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int clauses = 2 + random.nextInt(4);
        for (int i = 0; i < clauses; i++) {
            text.append(pick(random, CLAUSES)).append('，')
                    .append(pick(random, ACTIONS)).append(pick(random, SUBJECTS)).append(pick(random, MECHANISMS));
            text.append(i == clauses - 1 ? '。' : '，');
        }
        return text.toString();
    }

    /** One to six distinct bodies; lower-indexed bodies (the busy ministries) are drawn more often. */
    private static List<String> pickBodies(SplittableRandom random, List<String> bodies) {
        int count = 1 + (int) Math.min(5, Math.floor(-Math.log(1 - random.nextDouble()) * 1.4));
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < Math.min(count, bodies.size())) {
            double u = random.nextDouble();
            picked.add(bodies.get((int) Math.floor(bodies.size() * u * u)));
        }
        return new ArrayList<>(picked);
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
