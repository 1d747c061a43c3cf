package io.reformkg.reference;

/**
 * An administrative division with its statistical code. {@code parentCode} is the enclosing
 * division that is a real place (groupings such as "市辖区" are skipped), or null for a province.
 */
public record Division(String code, String name, Level level, String parentCode) {
    public enum Level { PROVINCE, CITY, COUNTY }
}
