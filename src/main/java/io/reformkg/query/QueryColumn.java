package io.reformkg.query;

/** A column of a named query's answer: the SELECT variable and what it holds ("中文 / English"). */
public record QueryColumn(String name, String description) {
}
