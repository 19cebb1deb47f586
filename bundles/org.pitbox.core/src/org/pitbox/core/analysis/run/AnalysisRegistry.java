package org.pitbox.core.analysis.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pitbox.core.analysis.Analysis;

/**
 * Every installed {@link Analysis}: DS binds and unbinds them as bundles come, update and go while PitBox
 * runs. Listeners hear of each change on the thread that made it. Thread-safe.
 */
@Component(service = AnalysisRegistry.class)
public final class AnalysisRegistry {
    private final List<Analysis> analyses = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(name = "analyses", service = Analysis.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "remove")
    public void add(Analysis analysis) {
        analyses.add(analysis);
        changed();
    }

    public void remove(Analysis analysis) {
        if (analyses.remove(analysis)) {
            changed();
        }
    }

    /** The installed analyses by name. */
    public List<Analysis> list() {
        return analyses.stream()
                .sorted(Comparator.comparing((Analysis a) -> AnalysisRunner.describe(a).name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The analysis with this id; the one installed last when there are several. */
    public Optional<Analysis> find(String id) {
        List<Analysis> now = List.copyOf(analyses);
        for (int i = now.size() - 1; i >= 0; i--) {
            if (AnalysisRunner.describe(now.get(i)).id().equals(id)) {
                return Optional.of(now.get(i));
            }
        }
        return Optional.empty();
    }

    /** Calls {@code listener} after every add and remove. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
