package org.peersupport.resource;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.resource.domain.Resource;
import org.peersupport.resource.domain.ResourceRepository;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.ReferenceCache;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource directory. Everyone reads the crisis lines; administrators keep program-wide
 * resources and every hospital's; coordinators keep their own hospitals' resources.
 *
 * <p>The whole directory (program-wide and every hospital's, a few hundred rows in a national
 * program) is one entry of the reference cache; each read filters it in memory. Changes tell the
 * cache first ({@link ReferenceCache#changed()}); an edit form reads its resource from the database.
 */
@Service
@Transactional(readOnly = true)
public class ResourceService {

    private static final String DIRECTORY = "resource.directory";

    /** The escalation choices' order: the tier first, a hospital's own before the program's. */
    private static final Comparator<ResourceView> BY_TIER = Comparator.comparingInt(ResourceView::tier)
            .thenComparing(r -> r.hospitalId() == null)
            .thenComparing(r -> r.kind().name());

    private final ResourceRepository resources;

    private final OrganizationService organization;

    private final ReferenceCache cache;

    private final JdbcTemplate jdbc;

    ResourceService(ResourceRepository resources, OrganizationService organization, ReferenceCache cache,
            JdbcTemplate jdbc) {
        this.resources = resources;
        this.organization = organization;
        this.cache = cache;
        this.jdbc = jdbc;
    }

    /** Active crisis lines: the program's, then those of the given hospitals. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ResourceView> crisisLines(Collection<Long> hospitalIds) {
        return directory().stream().filter(r -> r.active() && r.kind() == ResourceKind.CRISIS_LINE
                && (r.hospitalId() == null || hospitalIds.contains(r.hospitalId()))).toList();
    }

    /** Every crisis line of the program and of every hospital, for the public crisis page. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ResourceView> allCrisisLines() {
        return directory().stream().filter(r -> r.active() && r.kind() == ResourceKind.CRISIS_LINE).toList();
    }

    /** What a supporter may escalate to for a physician of this hospital: the program's and the hospital's own, in use. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ResourceView> escalationChoices(long hospitalId) {
        // A stable sort of the directory's order keeps the names in the database's order within a tier.
        return directory().stream()
                .filter(r -> r.active() && (r.hospitalId() == null || r.hospitalId() == hospitalId))
                .sorted(BY_TIER).toList();
    }

    /** Names by id, for pages that list what was chosen; unknown ids are left out. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            directory().stream().filter(r -> ids.contains(r.id())).forEach(r -> names.put(r.id(), r.name()));
        }
        return names;
    }

    /** The directory as the caller may keep it: program-wide and their hospitals' resources. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<ResourceView> directory(HospitalScope scope) {
        return scope.all() ? directory() : directory().stream()
                .filter(r -> r.hospitalId() == null || scope.includes(r.hospitalId())).toList();
    }

    public ResourceView resource(long id, HospitalScope scope) {
        Resource resource = editable(id, scope);
        Long hospitalId = resource.getHospitalId();
        String hospitalName = hospitalId == null ? null
                : organization.hospital(hospitalId).map(HospitalSummary::name).orElse(null);
        return new ResourceView(resource.getId(), hospitalId, hospitalName, resource.getName(), resource.getKind(),
                resource.getPhone(), resource.getWebAddress(), resource.getHours(), resource.getTier(),
                resource.isActive(), resource.getVersion());
    }

    @Transactional
    public long add(ResourceDetails details, HospitalScope scope) {
        cache.changed();
        checkHospital(details.hospitalId(), scope);
        return resources.save(new Resource(details)).getId();
    }

    @Transactional
    public void change(long id, ResourceDetails details, long expectedVersion, HospitalScope scope) {
        cache.changed();
        Resource resource = editable(id, scope);
        StaleEdit.check(resource.getVersion(), expectedVersion, Resource.class, id);
        resource.change(details);
    }

    /** Program-wide resources are the administrators'; a hospital's are its coordinators' too. */
    private Resource editable(long id, HospitalScope scope) {
        Resource resource = resources.findById(id).orElseThrow(NotFoundException::new);
        boolean allowed = resource.getHospitalId() == null ? scope.all() : scope.includes(resource.getHospitalId());
        if (!allowed) {
            throw new NotFoundException();
        }
        return resource;
    }

    private void checkHospital(Long hospitalId, HospitalScope scope) {
        boolean allowed = hospitalId == null ? scope.all()
                : scope.includes(hospitalId) && organization.hospital(hospitalId).isPresent();
        if (!allowed) {
            throw new RuleViolationException("hospitalId", "resource.error.hospital");
        }
    }

    /** Every resource, program-wide ones first, then by hospital, kind, tier and name. */
    private List<ResourceView> directory() {
        return cache.read(DIRECTORY, "", () -> {
            Map<Long, String> hospitalNames = new HashMap<>();
            organization.hospitals(HospitalScope.everything()).forEach(h -> hospitalNames.put(h.id(), h.name()));
            return List.copyOf(jdbc.query("""
                    select id, hospital_id, name, kind, phone, web_address, hours, tier, active, version
                      from resource order by hospital_id nulls first, kind, tier, name
                    """, (rs, n) -> {
                Long hospitalId = rs.getObject(2, Long.class);
                return new ResourceView(rs.getLong(1), hospitalId, hospitalId == null ? null : hospitalNames.get(hospitalId),
                        rs.getString(3), ResourceKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getInt(8), rs.getBoolean(9), rs.getLong(10));
            }));
        });
    }
}
