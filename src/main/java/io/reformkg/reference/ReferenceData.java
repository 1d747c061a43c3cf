package io.reformkg.reference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.reformkg.error.UnreadableFileException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Everything the lists refer to but do not define: guiding bodies, categories, pilot regions,
 * promotion scopes and China's administrative divisions. Read from {@code reference/} in the
 * data folder with {@link #load(Path)}, and checked for consistency (every code and id that
 * one file uses exists in the file that defines it).
 */
public record ReferenceData(List<Body> bodies, List<Term> bodyKinds, List<Term> categories, Term nation,
                            List<PilotRegion> pilotRegions, List<Scope> scopes, Term localScope,
                            List<Division> divisions) {

    /** City-level rows in the division tables that group counties but are not places. */
    private static final Set<String> GROUPINGS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ReferenceData {
        bodies = List.copyOf(bodies);
        bodyKinds = List.copyOf(bodyKinds);
        categories = List.copyOf(categories);
        pilotRegions = List.copyOf(pilotRegions);
        scopes = List.copyOf(scopes);
        divisions = List.copyOf(divisions);
    }

    /** The divisions by name, indexed anew on each call: hold on to it. */
    public PlaceIndex places() {
        return new PlaceIndex(divisions);
    }

    public static ReferenceData load(Path dataDir) {
        Path dir = dataDir.resolve("reference");
        BodiesFile bodiesFile = readJson(dir.resolve("bodies.json"), BodiesFile.class);
        CategoriesFile categoriesFile = readJson(dir.resolve("categories.json"), CategoriesFile.class);
        RegionsFile regionsFile = readJson(dir.resolve("regions.json"), RegionsFile.class);
        List<Division> divisions = readDivisions(dir.resolve("divisions"));
        ReferenceData data = new ReferenceData(bodiesFile.bodies(), bodiesFile.kinds(),
                categoriesFile.categories(), regionsFile.nation(), regionsFile.pilotRegions(),
                regionsFile.scopes(), regionsFile.localScope(), divisions);
        data.check(dir);
        return data;
    }

    public Optional<Body> bodyByShortName(String shortName) {
        return bodies.stream().filter(body -> body.shortName().equals(shortName)).findFirst();
    }

    public Optional<Term> categoryByName(String zh) {
        return categories.stream().filter(category -> category.zh().equals(zh)).findFirst();
    }

    public Optional<Scope> scopeByText(String text) {
        return scopes.stream().filter(scope -> scope.text().equals(text)).findFirst();
    }

    /** The short names the lists may use for guiding bodies. */
    public List<String> listedBodyNames() {
        return bodies.stream().filter(Body::isListed).map(Body::shortName).toList();
    }

    private record BodiesFile(List<Body> bodies, List<Term> kinds) {
    }

    private record CategoriesFile(List<Term> categories) {
    }

    private record RegionsFile(Term nation, List<PilotRegion> pilotRegions, List<Scope> scopes, Term localScope) {
    }

    private static <T> T readJson(Path file, Class<T> type) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            T value = JSON.readValue(reader, type);
            if (value == null) {
                throw new ReferenceException(file, 0, "the file holds no data (null or empty); expected a JSON object");
            }
            requireNoNulls(file, JSON.valueToTree(value), "");
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ReferenceException(file, where == null ? 0 : where.getLineNr(),
                    "malformed reference data: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableFileException("the reference file", file, e);
        }
    }

    /** Required fields are the record components without a documented null meaning. */
    private static void requireNoNulls(Path file, JsonNode node, String path) {
        Set<String> optional = Set.of("dissolved", "successor", "established", "listed", "titleEn", "partOf");
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isNull() && !optional.contains(field.getKey())) {
                    throw new ReferenceException(file, 0, "missing required field \"" + path + field.getKey() + "\"");
                }
                requireNoNulls(file, field.getValue(), path + field.getKey() + ".");
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireNoNulls(file, node.get(i), path + i + ".");
            }
        }
    }

    private static List<Division> readDivisions(Path dir) {
        Map<String, String> provinces = readCsv(dir.resolve("provinces.csv"), List.of("code", "name"));
        Map<String, String[]> cities = new LinkedHashMap<>();
        readCsv(dir.resolve("cities.csv"), List.of("code", "name", "provinceCode"), record ->
                cities.put(record.get("code"), new String[] {record.get("name"), record.get("provinceCode")}));
        List<Division> divisions = new ArrayList<>();
        provinces.forEach((code, name) -> divisions.add(new Division(code, name, Division.Level.PROVINCE, null)));
        cities.forEach((code, row) -> {
            if (!GROUPINGS.contains(row[0])) {
                divisions.add(new Division(code, row[0], Division.Level.CITY, row[1]));
            }
        });
        readCsv(dir.resolve("areas.csv"), List.of("code", "name", "cityCode", "provinceCode"), record -> {
            String[] city = cities.get(record.get("cityCode"));
            boolean grouped = city == null || GROUPINGS.contains(city[0]);
            divisions.add(new Division(record.get("code"), record.get("name"), Division.Level.COUNTY,
                    grouped ? record.get("provinceCode") : record.get("cityCode")));
        });
        return divisions;
    }

    private static Map<String, String> readCsv(Path file, List<String> columns) {
        Map<String, String> names = new LinkedHashMap<>();
        readCsv(file, columns, record -> names.put(record.get("code"), record.get("name")));
        return names;
    }

    private static void readCsv(Path file, List<String> columns, java.util.function.Consumer<CSVRecord> row) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = format.parse(reader);
            if (!parser.getHeaderNames().containsAll(columns)) {
                throw new ReferenceException(file, 1, "expected the columns " + columns + ", found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord record : parser) {
                if (!record.isConsistent() || columns.stream().anyMatch(c -> record.get(c).isBlank())) {
                    throw new ReferenceException(file, (int) record.getRecordNumber() + 1,
                            "expected a value in each of " + columns);
                }
                row.accept(record);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("the division table", file, e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // commons-csv reports malformed CSV (an unclosed quote, say) this way
            throw new ReferenceException(file, 0, "the division table is not valid CSV: " + e.getMessage());
        }
    }

    /** Every id or code one file uses must be defined once, where it belongs. */
    private void check(Path dir) {
        Path bodiesFile = dir.resolve("bodies.json");
        Set<String> bodyIds = unique(bodiesFile, "body id", bodies, Body::id);
        unique(bodiesFile, "body short name", bodies, Body::shortName);
        Set<String> kindIds = unique(bodiesFile, "kind id", bodyKinds, Term::id);
        for (Body body : bodies) {
            if (!kindIds.contains(body.kind())) {
                throw new ReferenceException(bodiesFile, 0, "body " + body.id() + " has unknown kind \""
                        + body.kind() + "\"; known kinds: " + kindIds);
            }
            if (body.successor() != null && !bodyIds.contains(body.successor())) {
                throw new ReferenceException(bodiesFile, 0, "body " + body.id() + " names unknown successor \""
                        + body.successor() + "\"");
            }
            if (body.partOf() != null && !bodyIds.contains(body.partOf())) {
                throw new ReferenceException(bodiesFile, 0, "body " + body.id() + " is part of unknown body \""
                        + body.partOf() + "\"");
            }
        }
        unique(dir.resolve("categories.json"), "category id", categories, Term::id);
        unique(dir.resolve("categories.json"), "category name", categories, Term::zh);
        Path regionsFile = dir.resolve("regions.json");
        Set<String> regionIds = new HashSet<>(unique(regionsFile, "pilot region id", pilotRegions, PilotRegion::id));
        regionIds.add(nation.id());
        unique(regionsFile, "scope text", scopes, Scope::text);
        unique(regionsFile, "scope id", Stream.concat(scopes.stream().map(Scope::id), Stream.of(localScope.id()))
                .toList(), Function.identity());
        Set<String> codes = unique(dir.resolve("divisions"), "division code", divisions, Division::code);
        for (PilotRegion region : pilotRegions) {
            region.members().stream().filter(code -> !codes.contains(code)).findFirst().ifPresent(code -> {
                throw new ReferenceException(regionsFile, 0, "pilot region " + region.id()
                        + " names unknown division code " + code);
            });
        }
        for (Scope scope : scopes) {
            scope.regions().stream().filter(id -> !regionIds.contains(id)).findFirst().ifPresent(id -> {
                throw new ReferenceException(regionsFile, 0, "scope " + scope.id() + " names unknown region " + id
                        + "; known regions: " + regionIds);
            });
        }
    }

    private static <T> Set<String> unique(Path file, String what, List<T> items, Function<T, String> key) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, HashMap::new,
                Collectors.counting()));
        counts.forEach((value, count) -> {
            if (count > 1) {
                throw new ReferenceException(file, 0, "duplicate " + what + " \"" + value + "\"");
            }
        });
        return counts.keySet();
    }
}
