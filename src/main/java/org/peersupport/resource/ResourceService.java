package org.peersupport.resource;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peersupport.organization.OrganizationService;
import org.peersupport.resource.domain.Resource;
import org.peersupport.resource.domain.ResourceRepository;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource directory. Everyone reads the crisis lines; administrators keep program-wide
 * resources and every hospital's; coordinators keep their own hospitals' resources.
 */
@Service
@Transactional(readOnly = true)
public class ResourceService {

    private final ResourceRepository resources;

    private final OrganizationService organization;

    ResourceService(ResourceRepository resources, OrganizationService organization) {
        this.resources = resources;
        this.organization = organization;
    }

    /** Active crisis lines: the program's, then those of the given hospitals. */
    public List<ResourceView> crisisLines(Collection<Long> hospitalIds) {
        return views(resources.findActive(ResourceKind.CRISIS_LINE, ids(hospitalIds)));
    }

    /** Every crisis line of the program and of every hospital, for the public crisis page. */
    public List<ResourceView> allCrisisLines() {
        return views(resources.findAllOrdered().stream()
                .filter(r -> r.isActive() && r.getKind() == ResourceKind.CRISIS_LINE).toList());
    }

    /** What a supporter may escalate to for a physician of this hospital: the program's and the hospital's own, in use. */
    public List<ResourceView> escalationChoices(long hospitalId) {
        return views(resources.findActiveFor(hospitalId));
    }

    /** Names by id, for pages that list what was chosen; unknown ids are left out. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            resources.findAllById(ids).forEach(r -> names.put(r.getId(), r.getName()));
        }
        return names;
    }

    /** The directory as the caller may keep it: program-wide and their hospitals' resources. */
    public List<ResourceView> directory(HospitalScope scope) {
        return views(scope.all() ? resources.findAllOrdered() : resources.findVisible(ids(scope.hospitalIds())));
    }

    public ResourceView resource(long id, HospitalScope scope) {
        return views(List.of(editable(id, scope))).get(0);
    }

    @Transactional
    public long add(ResourceDetails details, HospitalScope scope) {
        checkHospital(details.hospitalId(), scope);
        return resources.save(new Resource(details)).getId();
    }

    @Transactional
    public void change(long id, ResourceDetails details, long expectedVersion, HospitalScope scope) {
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

    private List<ResourceView> views(List<Resource> list) {
        Map<Long, String> names = new HashMap<>();
        organization.hospitals(HospitalScope.everything()).forEach(h -> names.put(h.id(), h.name()));
        return list.stream().map(r -> new ResourceView(r.getId(), r.getHospitalId(),
                r.getHospitalId() == null ? null : names.get(r.getHospitalId()), r.getName(), r.getKind(),
                r.getPhone(), r.getWebAddress(), r.getHours(), r.getTier(), r.isActive(), r.getVersion())).toList();
    }

    private static Collection<Long> ids(Collection<Long> hospitalIds) {
        return hospitalIds.isEmpty() ? Set.of(-1L) : hospitalIds;
    }
}
