package io.reformkg.linkeddata;

/** The fixed words of the pages, in each supported reader language. */
enum Text {
    SITE("改革举措知识图谱", "Reform KG"),
    DATASET("数据集", "Dataset"),
    SPARQL("SPARQL 查询", "SPARQL endpoint"),
    DOWNLOADS("下载", "Downloads"),
    CONTEXT("JSON-LD 上下文", "JSON-LD context"),
    EXPLORER("在浏览界面中查看", "View in the explorer"),
    LABELS("名称", "Names"),
    IRI("IRI", "IRI"),
    TYPES("类型", "Types"),
    PROPERTIES("属性", "Properties"),
    PROPERTY("属性", "Property"),
    VALUE("值", "Value"),
    GRAPH("来源图", "Graph"),
    REFERENCED_BY("引用此资源的陈述", "Referenced by"),
    SUBJECT("主体", "Subject"),
    MORE("另有 %d 条未列出", "%d more not listed"),
    FORMATS("其他格式", "Other formats"),
    GUIDING_BODIES("指导部门（按清单顺序）", "Guiding bodies (in the list's order)"),
    POSITION("位次", "Position"),
    LEAD("牵头", "lead"),
    BODY("部门", "Body"),
    MEASURES_GUIDED("指导的举措", "Measures guided"),
    PARTNERS("共同指导部门", "Partners in guidance"),
    SHARED_MEASURES("共同指导举措数", "Shared measures"),
    MEASURES_HERE("在此推广的举措", "Measures that apply here"),
    MEASURE_COUNT("共 %d 项", "%d measures"),
    NUMBER("序号", "No."),
    TITLE("名称", "Title"),
    SCOPE("推广范围", "Scope"),
    NONE("无", "None"),
    METADATA_GRAPH("数据集描述", "dataset description"),
    ONTOLOGY_GRAPH("本体", "ontology"),
    REFERENCE_GRAPH("参考数据", "reference data"),
    INFERRED_GRAPH("推理", "inference"),
    SOURCE_GRAPH("来源 %s", "source %s"),
    LANGUAGE("语言", "Language"),
    LICENCE("许可", "Licence");

    private final String zh;
    private final String en;

    Text(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    String in(ReaderLanguage reader) {
        return reader.tag().equals("zh") ? zh : en;
    }

    String format(ReaderLanguage reader, Object... arguments) {
        return String.format(in(reader), arguments);
    }
}
