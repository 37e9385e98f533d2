package com.salesaffairs.platform.policy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** The changes between two versions' content, as JSON pointers with the old and new values. */
public final class PolicyDiff {
    public record Change(String path, JsonNode from, JsonNode to) {
    }

    private PolicyDiff() {
    }

    public static List<Change> between(JsonNode from, JsonNode to) {
        List<Change> changes = new ArrayList<>();
        walk("", from, to, changes);
        return changes;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path + "/" + name.replace("~", "~0").replace("/", "~1"), a.get(name), b.get(name), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                walk(path + "/" + i, ia.next(), ib.next(), out);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(new Change(path.isEmpty() ? "/" : path, a, b));
        }
    }
}
