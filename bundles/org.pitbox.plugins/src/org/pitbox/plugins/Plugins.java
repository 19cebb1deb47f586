package org.pitbox.plugins;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.query.IQuery;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Installs, updates and uninstalls plugins in the running PitBox through its p2 agent and profile (SELF).
 * Plugins are the profile's root units that are not the product itself. Operations block: call them off the UI
 * thread and follow them with the monitor. Changes take effect after a restart.
 */
public final class Plugins {
    private final IProvisioningAgent agent;

    public Plugins(IProvisioningAgent agent) {
        this.agent = agent;
    }

    /** The running installation's p2 agent; without a p2 profile (a test runtime) only repositories can be read. */
    public static Plugins running(BundleContext context) throws CoreException {
        ServiceReference<IProvisioningAgent> ref = context.getServiceReference(IProvisioningAgent.class);
        IProvisioningAgent agent = ref != null ? context.getService(ref) : null;
        if (agent == null) {
            ServiceReference<IProvisioningAgentProvider> provider = context.getServiceReference(IProvisioningAgentProvider.class);
            if (provider == null) {
                throw error("p2 is not running");
            }
            agent = context.getService(provider).createAgent(null);
        }
        return new Plugins(agent);
    }

    /** "file:/..." and "https://..." as they are; anything else is a local folder. */
    public static URI repository(String urlOrFolder) {
        String s = urlOrFolder.trim();
        if (s.matches("(?i)(file|https?|jar):.*")) {
            return URI.create(s);
        }
        return Path.of(s).toAbsolutePath().toUri();
    }

    /** The plugins installed on top of the product. */
    public List<Plugin> installed() throws CoreException {
        return plugins(installedUnits());
    }

    /** Loads the repository and lists what it offers: its categories' members, else its features. */
    public List<Plugin> available(URI repository, IProgressMonitor monitor) throws CoreException {
        IMetadataRepository repo = load(repository, monitor);
        List<IInstallableUnit> offered = new ArrayList<>();
        for (IInstallableUnit category : repo.query(QueryUtil.createIUCategoryQuery(), null)) {
            repo.query(QueryUtil.createIUCategoryMemberQuery(category), null).forEach(offered::add);
        }
        if (offered.isEmpty()) {
            repo.query(QueryUtil.createIUGroupQuery(), null).forEach(offered::add);
        }
        return plugins(latest(offered));
    }

    public Change install(URI repository, Collection<String> ids, IProgressMonitor monitor) throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Installing", 10);
        IMetadataRepository repo = load(repository, sub.split(2));
        List<IInstallableUnit> units = new ArrayList<>();
        for (String id : ids) {
            IQuery<IInstallableUnit> query = QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id));
            IInstallableUnit unit = repo.query(query, null).stream().findFirst()
                    .orElseThrow(() -> error(repository + " offers no plugin " + id));
            units.add(unit);
        }
        InstallOperation op = new InstallOperation(session(), units);
        op.getProvisioningContext().setMetadataRepositories(repository);
        op.getProvisioningContext().setArtifactRepositories(repository);
        return run(op, sub.split(8));
    }

    public Change uninstall(Collection<String> ids, IProgressMonitor monitor) throws CoreException {
        List<IInstallableUnit> units = find(ids);
        UninstallOperation op = new UninstallOperation(session(), units);
        op.getProvisioningContext().setMetadataRepositories();
        op.getProvisioningContext().setArtifactRepositories();
        return run(op, monitor);
    }

    /** Updates the given plugins (all installed ones when {@code ids} is empty) from the repositories loaded so far. */
    public Change update(Collection<String> ids, IProgressMonitor monitor) throws CoreException {
        List<IInstallableUnit> units = ids.isEmpty() ? installedUnits() : find(ids);
        if (units.isEmpty()) {
            return new Change(Status.info("no plugins to update"), false);
        }
        UpdateOperation op = new UpdateOperation(session(), units);
        return run(op, monitor);
    }

    private Change run(ProfileChangeOperation op, IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, 10);
        op.setProfileId(IProfileRegistry.SELF);
        IStatus resolved = op.resolveModal(sub.split(3));
        if (!op.hasResolved() || resolved.getSeverity() >= IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL
                || resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
            return new Change(resolved, false);
        }
        ProvisioningJob job = op.getProvisioningJob(sub.split(1));
        if (job == null) {
            return new Change(resolved, false);
        }
        IStatus done = job.runModal(sub.split(6));
        return new Change(done, done.isOK() && job.getRestartPolicy() != ProvisioningJob.RESTART_NONE);
    }

    private IMetadataRepository load(URI repository, IProgressMonitor monitor) throws ProvisionException {
        SubMonitor sub = SubMonitor.convert(monitor, "Loading " + repository, 2);
        IMetadataRepository repo = agent.getService(IMetadataRepositoryManager.class).loadRepository(repository, sub.split(1));
        agent.getService(IArtifactRepositoryManager.class).loadRepository(repository, sub.split(1));
        return repo;
    }

    private List<IInstallableUnit> installedUnits() throws CoreException {
        return profile().query(new UserVisibleRootQuery(), null).stream().filter(u -> !QueryUtil.isProduct(u)).toList();
    }

    private List<IInstallableUnit> find(Collection<String> ids) throws CoreException {
        Set<String> wanted = Set.copyOf(ids);
        List<IInstallableUnit> units = installedUnits().stream().filter(u -> wanted.contains(u.getId())).toList();
        for (String id : ids) {
            if (units.stream().noneMatch(u -> u.getId().equals(id))) {
                throw error("no installed plugin " + id);
            }
        }
        return units;
    }

    private IProfile profile() throws CoreException {
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw error("this PitBox has no p2 profile (it was not started from an installed product)");
        }
        return profile;
    }

    private ProvisioningSession session() {
        return new ProvisioningSession(agent);
    }

    private static List<IInstallableUnit> latest(List<IInstallableUnit> units) {
        Map<String, IInstallableUnit> byId = new LinkedHashMap<>();
        for (IInstallableUnit u : units) {
            byId.merge(u.getId(), u, (a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b);
        }
        return List.copyOf(byId.values());
    }

    private static List<Plugin> plugins(Collection<IInstallableUnit> units) {
        return units.stream()
                .map(u -> new Plugin(u.getId(), u.getVersion().toString(), property(u, IInstallableUnit.PROP_NAME),
                        property(u, IInstallableUnit.PROP_PROVIDER)))
                .sorted(Comparator.comparing(Plugin::id)).toList();
    }

    private static String property(IInstallableUnit unit, String key) {
        String value = unit.getProperty(key, null);
        return value == null ? "" : value;
    }

    private static CoreException error(String message) {
        return new CoreException(Status.error(message));
    }
}
