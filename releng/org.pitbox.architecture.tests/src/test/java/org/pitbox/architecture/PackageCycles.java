package org.pitbox.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The strongly connected groups of more than one package in a package graph (Tarjan's algorithm). */
final class PackageCycles {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private PackageCycles(Map<String, Set<String>> graph) {
        this.graph = graph;
    }

    /** Each group of packages that use each other, directly or around a loop. */
    static List<Set<String>> of(Map<String, Set<String>> graph) {
        PackageCycles search = new PackageCycles(graph);
        for (String pkg : graph.keySet()) {
            if (!search.index.containsKey(pkg)) {
                search.visit(pkg);
            }
        }
        return search.cycles;
    }

    private void visit(String pkg) {
        index.put(pkg, index.size());
        low.put(pkg, index.get(pkg));
        stack.push(pkg);
        for (String next : graph.getOrDefault(pkg, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next);
                low.put(pkg, Math.min(low.get(pkg), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(pkg, Math.min(low.get(pkg), index.get(next)));
            }
        }
        if (low.get(pkg).equals(index.get(pkg))) {
            Set<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                group.add(member);
            } while (!member.equals(pkg));
            if (group.size() > 1) {
                cycles.add(group);
            }
        }
    }
}
