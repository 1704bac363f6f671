package cn.jzz.hub.reconcile;

import java.util.Map;
import java.util.Set;

/**
 * One person as one side of a reconciliation sees them: the compared fields, which sources speak of
 * them, and which source records ({@code source/entity:key}) those are.
 */
record PersonView(String personId, Map<String, Object> fields, Set<String> sources, Set<String> slots) {}
