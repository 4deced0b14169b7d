package org.peersupport.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.PasswordLinks;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.organization.RosterImportService;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.peersupport.supporter.TrainingService;
import org.peersupport.supporter.TrainingService.ModuleView;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.InvitationMailer;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;
import org.peersupport.survey.SurveyDriver;
import org.peersupport.survey.SurveyTemplateService;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every POST endpoint the app maps, found from the handler mappings so that a new one is covered
 * without a line here, gets hostile values in each field it binds, signed in as every role that
 * reaches it. Whatever comes back, it is never a server error and never shows internals: a form
 * answers with its page and a message by the field, and a request no page could send gets a 400.
 *
 * <p>Not a list of cases: each field gets one hostile value per request, rotating, so every field
 * meets every value without the cost of all combinations. Edits carry a stale version, so records
 * other tests share (program settings, the curriculum) keep what they had; the test checks that.
 */
@IntegrationTest
class HostileInputTests {

    /** Stands for a field left out of the request altogether. */
    private static final String MISSING = null;

    private static final List<String> HOSTILE = Arrays.asList(MISSING, "", "99999999999999999999", "-1",
            "2999-99-99", "NOT_AN_ENUM", "<script>alert(1)</script>", "' OR 1=1 --", "x".repeat(100_000),
            "a\u0000b");

    /** Names that many handlers read, sent to every endpoint whether it binds them or not. */
    private static final List<String> GENERIC = List.of("id", "version", "q", "page");

    /** What a response body must never show: internals, or the script it was sent, unescaped. */
    private static final List<String> LEAKS = List.of("Exception", "at org.", "at java.", "Cannot access properties",
            "org.springframework.", "Whitelabel", "<script>alert(1)</script>");

    /** A version no record has, so edits are refused as stale rather than saved. */
    private static final String STALE_VERSION = "2147480000";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referrals;

    @Autowired
    TriageService triage;

    @Autowired
    TrainingService training;

    @Autowired
    ResourceService resources;

    @Autowired
    SurveyTemplateService templates;

    @Autowired
    CampaignService campaigns;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    OrganizationService organization;

    @Autowired
    RosterImportService imports;

    @Autowired
    PasswordLinks passwordLinks;

    @Autowired
    JdbcTemplate jdbc;

    /** How each endpoint answered, for the log: status, and how often. */
    private final Map<String, Map<String, Integer>> statuses = new TreeMap<>();

    /** A field a handler binds: its request name, and its type (for a collection, the type it holds). */
    record Field(String name, Class<?> type) {
    }

    record Endpoint(String pattern, HandlerMethod handler, Map<String, String> fixed, List<Field> fields,
            String fileField) {

        @Override
        public String toString() {
            return "POST " + pattern + (fixed.isEmpty() ? "" : " " + fixed.keySet());
        }
    }

    @Test
    void noFormAnswersWithAServerErrorWhateverItIsSent() throws Exception {
        ProgramSettingsView settingsBefore = organization.settings();
        long settingsVersionBefore = organization.settingsVersion();
        List<ModuleView> curriculumBefore = training.curriculum();

        World world = new World();
        List<Endpoint> endpoints = endpoints(world);
        assertThat(endpoints).as("POST endpoints found").hasSizeGreaterThan(40);

        Map<String, RequestPostProcessor> roles = new LinkedHashMap<>();
        roles.put("administrator", user(world.admin));
        roles.put("coordinator", user(world.coordinator));
        roles.put("supporter", user(world.supporter.user()));
        roles.put("physician", user(world.physician));
        roles.put("anonymous", null);
        roles.put("mid-sign-in", midSignIn(fixtures.coordinator(fixtures.hospital().hospitalId())));

        List<String> failures = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        int requests = 0;
        long started = System.nanoTime();
        try {
            for (int e = 0; e < endpoints.size(); e++) {
                requests += attack(endpoints.get(e), e, world, roles, failures, unreached);
            }
        }
        finally {
            world.retireAddedModules(curriculumBefore);
        }
        System.out.printf("HostileInputTests: %d requests to %d POST endpoints in %d ms%n", requests,
                endpoints.size(), (System.nanoTime() - started) / 1_000_000);
        statuses.forEach((endpoint, counts) -> System.out.println("  " + endpoint + " " + counts));

        assertThat(unreached).as("POST endpoints no role could reach").isEmpty();
        assertThat(failures).as("server errors or internals shown, %d of %d requests", failures.size(), requests)
                .isEmpty();
        // The battery sent stale versions, so what the whole program shares is as it was.
        assertThat(organization.settings()).isEqualTo(settingsBefore);
        assertThat(organization.settingsVersion()).isEqualTo(settingsVersionBefore);
        assertThat(training.curriculum().subList(0, curriculumBefore.size())).isEqualTo(curriculumBefore);
    }

    /** Sends one endpoint its hostile requests, as every role that reaches it; returns how many. */
    private int attack(Endpoint endpoint, int index, World world, Map<String, RequestPostProcessor> roles,
            List<String> failures, List<String> unreached) throws Exception {
        long started = System.nanoTime();
        int requests = 0;
        String uri = uri(endpoint.pattern(), world.pathValues(endpoint));
        Map<String, String> baseline = baseline(endpoint, world);

        // Who reaches it at all: a plain request, as each role.
        List<String> reaching = new ArrayList<>();
        for (var role : roles.entrySet()) {
            MvcTestResult probe = send(endpoint, uri, role.getValue(), baseline);
            requests++;
            check(role.getKey(), endpoint, uri, baseline, probe, failures);
            if (reached(probe)) {
                reaching.add(role.getKey());
            }
        }
        if (reaching.isEmpty()) {
            unreached.add(endpoint.toString());
            return requests;
        }

        List<String> names = new ArrayList<>(baseline.keySet());
        names.removeAll(endpoint.fixed().keySet());
        Set<String> pageFilled = endpoint.fields().stream().filter(f -> f.type().isPrimitive()).map(Field::name)
                .collect(Collectors.toSet());
        // Every field at once gets a hostile value, each a different one, rotating. Every other time
        // the fields a page fills in itself (hidden ones, checkboxes) stay plain, or the 400 they
        // rightly get would hide how the page answers for the rest.
        for (int k = 0; k < HOSTILE.size(); k++) {
            Map<String, String> values = new LinkedHashMap<>(baseline);
            for (int j = 0; j < names.size(); j++) {
                if (k % 2 == 0 || !pageFilled.contains(names.get(j))) {
                    values.put(names.get(j), HOSTILE.get((j + k) % HOSTILE.size()));
                }
            }
            String role = reaching.get(k % reaching.size());
            check(role, endpoint, uri, values, send(endpoint, uri, roles.get(role), values), failures);
            requests++;
        }
        // One hostile field among plain ones, as each role that reaches the page.
        for (int r = 0; r < reaching.size(); r++) {
            String role = reaching.get(r);
            for (int j = 0; j < names.size(); j++) {
                Map<String, String> values = new LinkedHashMap<>(baseline);
                values.put(names.get(j), HOSTILE.get((j + 3 * r + index) % HOSTILE.size()));
                check(role, endpoint, uri, values, send(endpoint, uri, roles.get(role), values), failures);
                requests++;
            }
            // And ids in the path that are nobody's.
            String other = uri(endpoint.pattern(), world.unknownPathValues(endpoint));
            if (!other.equals(uri)) {
                check(role, endpoint, other, baseline, send(endpoint, other, roles.get(role), baseline), failures);
                requests++;
            }
        }
        statuses.get(endpoint.toString()).put("ms", (int) ((System.nanoTime() - started) / 1_000_000));
        return requests;
    }

    /** Every POST mapping of the app's own controllers, with the fields each one binds. */
    private List<Endpoint> endpoints(World world) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            HandlerMethod handler = mapping.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!handler.getBeanType().getPackageName().startsWith("org.peersupport")
                    || !(methods.isEmpty() || methods.contains(RequestMethod.POST))) {
                continue;
            }
            Map<String, String> fixed = new LinkedHashMap<>();
            for (NameValueExpression<String> param : info.getParamsCondition().getExpressions()) {
                if (!param.isNegated()) {
                    fixed.put(param.getName(), param.getValue() == null ? "" : param.getValue());
                }
            }
            List<Field> fields = new ArrayList<>();
            String fileField = null;
            boolean raw = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                Class<?> type = parameter.getParameterType();
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                if (parameter.hasParameterAnnotation(PathVariable.class)
                        || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
                        || Model.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
                        || RedirectAttributes.class.isAssignableFrom(type)
                        || ServletResponse.class.isAssignableFrom(type)) {
                    continue;
                }
                if (ServletRequest.class.isAssignableFrom(type) || WebRequest.class.isAssignableFrom(type)) {
                    raw = true;
                }
                else if (MultipartFile.class.isAssignableFrom(type)) {
                    fileField = requestParam != null && !requestParam.name().isEmpty() ? requestParam.name()
                            : parameter.getParameterName();
                }
                else if (requestParam != null || (!parameter.hasParameterAnnotation(ModelAttribute.class)
                        && BeanUtils.isSimpleProperty(type))) {
                    String name = requestParam != null && !requestParam.name().isEmpty() ? requestParam.name()
                            : parameter.getParameterName();
                    fields.add(new Field(name, elementType(type, parameter.getGenericParameterType())));
                }
                else {
                    fields.addAll(formFields(type));
                }
            }
            if (raw) {
                world.rawFieldNames().forEach(name -> fields.add(new Field(name, String.class)));
            }
            for (String pattern : info.getPatternValues()) {
                endpoints.add(new Endpoint(pattern, handler, fixed, fields, fileField));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    /** A form's fields: a record's components, or a bean's writable properties. */
    private static List<Field> formFields(Class<?> form) {
        List<Field> fields = new ArrayList<>();
        if (form.isRecord()) {
            for (RecordComponent component : form.getRecordComponents()) {
                fields.add(new Field(component.getName(), elementType(component.getType(), component.getGenericType())));
            }
        }
        else {
            for (var property : BeanUtils.getPropertyDescriptors(form)) {
                if (property.getWriteMethod() != null) {
                    fields.add(new Field(property.getName(), elementType(property.getPropertyType(),
                            property.getWriteMethod().getGenericParameterTypes()[0])));
                }
            }
        }
        return fields;
    }

    /** For a collection, what it holds; otherwise the type itself. */
    private static Class<?> elementType(Class<?> type, Type generic) {
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    /** Plain, valid-looking values for every field: what a person might send. */
    private static Map<String, String> baseline(Endpoint endpoint, World world) {
        Map<String, String> values = new LinkedHashMap<>(endpoint.fixed());
        for (Field field : endpoint.fields()) {
            values.putIfAbsent(field.name(), world.known(field.name()).orElseGet(() -> plain(field.type(), world.today)));
        }
        for (String name : GENERIC) {
            values.putIfAbsent(name, world.known(name).orElse("1"));
        }
        if (endpoint.fileField() != null) {
            values.putIfAbsent(endpoint.fileField(), "name,email,hospital,department\n");
        }
        return values;
    }

    private static String plain(Class<?> type, LocalDate today) {
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "1";
        }
        if (type == LocalDate.class) {
            return today.toString();
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        return "Plain words";
    }

    private MvcTestResult send(Endpoint endpoint, String uri, RequestPostProcessor who, Map<String, String> values) {
        if (endpoint.fileField() != null) {
            var request = mvc.post().uri(uri).multipart();
            String content = values.get(endpoint.fileField());
            if (content != null) {
                request.file(new MockMultipartFile(endpoint.fileField(), "hostile.csv", "text/csv",
                        content.getBytes(StandardCharsets.UTF_8)));
            }
            Map<String, String> others = new LinkedHashMap<>(values);
            others.remove(endpoint.fileField());
            prepare(request, who, others);
            return request.exchange();
        }
        var request = mvc.post().uri(uri);
        prepare(request, who, values);
        return request.exchange();
    }

    private static void prepare(AbstractMockHttpServletRequestBuilder<?> request, RequestPostProcessor who,
            Map<String, String> values) {
        values.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        request.with(csrf());
        if (who != null) {
            request.with(who);
        }
    }

    /** Not turned away at the door: neither forbidden nor sent to sign in. */
    private static boolean reached(MvcTestResult result) {
        if (result.getUnresolvedException() != null) {
            return true;
        }
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        return status != 403 && !(status / 100 == 3 && location != null && location.endsWith("/login"));
    }

    /** A coordinator between password and second factor: the session of a real password sign-in. */
    private RequestPostProcessor midSignIn(CurrentUser coordinator) {
        MvcTestResult password = mvc.perform(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestBuilders.formLogin("/login").user("email", coordinator.email())
                .password("password", Fixtures.PASSWORD));
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        jakarta.servlet.http.Cookie session = password.getResponse().getCookie("SESSION");
        return request -> {
            request.setCookies(session);
            return request;
        };
    }

    private void check(String role, Endpoint endpoint, String uri, Map<String, String> values,
            MvcTestResult result, List<String> failures) throws Exception {
        statuses.computeIfAbsent(endpoint.toString(), k -> new TreeMap<>()).merge(
                result.getUnresolvedException() != null ? "unhandled" : String.valueOf(result.getResponse().getStatus()),
                1, Integer::sum);
        String what = role + " " + endpoint + " " + uri + " " + describe(values);
        Exception unresolved = result.getUnresolvedException();
        if (unresolved != null) {
            Throwable root = unresolved;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            failures.add(what + " -> unhandled " + abbreviate(root.toString(), 300));
            return;
        }
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            failures.add(what + " -> " + status);
        }
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                failures.add(what + " -> " + status + " showing \"" + leak + "\"");
            }
        }
    }

    private static String describe(Map<String, String> values) {
        StringBuilder text = new StringBuilder("{");
        values.forEach((name, value) -> text.append(name).append('=')
                .append(value == null ? "(missing)" : abbreviate(value.replace("\u0000", "\\0"), 30)).append(' '));
        return text.toString().strip() + "}";
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "...(" + text.length() + ")";
    }

    private static String uri(String pattern, Map<String, String> values) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(uri, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(uri);
        return uri.toString();
    }

    /**
     * The records the battery aims at: a hospital with a department, its people in every role, and
     * one record of each kind that has a page of its own, so forms are found rather than missing.
     */
    private final class World {

        /** Today at the test hospitals, from the app's clock. */
        final LocalDate today = fixtures.today();

        final Place place = fixtures.hospital();

        final CurrentUser admin = fixtures.admin();

        final CurrentUser coordinator = fixtures.coordinator(place.hospitalId());

        final CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());

        final CurrentUser physician = fixtures.physicianUser(place.departmentId());

        final long colleague = fixtures.physician(place.departmentId());

        final CurrentUser account = fixtures.physicianUser(place.departmentId());

        final long session = training.schedule(place.hospitalId(), today,
                "Facilitator", false, Set.of(training.curriculum().get(0).id()), HospitalScope.everything());

        final long module = training.curriculum().get(0).id();

        final long template = templates.create(Fixtures.unique("zz Hostile input"));

        final long question;

        final UUID campaign;

        final long resource = resources.add(new ResourceDetails(place.hospitalId(), Fixtures.unique("Line"),
                ResourceKind.values()[0], "555 0100", null, null, 1, true), HospitalScope.everything());

        final UUID upload = imports.upload("roster.csv", ("name,email,hospital,department\n" + "Dr Upload,"
                + Fixtures.uniqueEmail("upload") + "," + place.hospitalName() + ",x\n").getBytes(StandardCharsets.UTF_8),
                HospitalScope.everything()).uploadId();

        final SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);

        final String surveyToken;

        final String passwordToken;

        World() throws Exception {
            templates.addQuestion(template, new QuestionDraft(QuestionKind.YES_NO, "Was it useful?", false, null, null,
                    List.of(), null), templates.template(template).version());
            question = templates.template(template).questions().get(0).id();
            campaign = surveys.draft(place, List.of(place.departmentId()));
            surveyToken = SurveyDriver.token(surveys.opened(place, 1).emails().get(0));
            passwordLinks.send(account.accountId(), false);
            passwordToken = TestMail.passwordLinkToken(account.email());
        }

        /** Values some field names must have to look plain; ids that exist, and a stale version. */
        Optional<String> known(String name) {
            String value = switch (name) {
                case "version" -> STALE_VERSION;
                case "hospitalId", "hospitalIds" -> String.valueOf(place.hospitalId());
                case "departmentId", "departmentIds" -> String.valueOf(place.departmentId());
                case "physicianId", "colleagueId" -> String.valueOf(colleague);
                case "supporterId" -> String.valueOf(supporter.id());
                case "templateId" -> String.valueOf(surveys.programEvaluation());
                case "moduleIds" -> String.valueOf(module);
                default -> null;
            };
            return Optional.ofNullable(value);
        }

        /** The fields of a survey, for handlers that read the request's parameters themselves. */
        List<String> rawFieldNames() {
            return surveys.template().questions().stream().map(QuestionView::field).toList();
        }

        /** Real ids for the path, by the path up to each variable; a case is fresh for each endpoint. */
        Map<String, String> pathValues(Endpoint endpoint) {
            Map<String, Supplier<Object>> real = new LinkedHashMap<>();
            real.put("/organization/hospitals/{id}", place::hospitalId);
            real.put("/organization/hospitals/{id}/departments/{departmentId}", place::departmentId);
            real.put("/roster/{id}", () -> colleague);
            real.put("/supporters/{id}", supporter::id);
            real.put("/supporters/{id}/conflicts/{physicianId}", () -> colleague);
            real.put("/training/sessions/{id}", () -> session);
            real.put("/training/modules/{id}", () -> module);
            real.put("/surveys/templates/{id}", () -> template);
            real.put("/surveys/templates/{id}/questions/{questionId}", () -> question);
            real.put("/surveys/{id}", () -> campaign);
            real.put("/resources/{id}", () -> resource);
            real.put("/admin/accounts/{id}", account::accountId);
            real.put("/roster/import/{uploadId}", () -> upload);
            real.put("/cases/{id}", this::assignedCase);
            real.put("/triage/{id}", this::assignedCase);
            real.put("/s/{token}", () -> surveyToken);
            real.put("/account/set-password/{token}", () -> passwordToken);
            Map<String, String> values = unknownPathValues(endpoint);
            Matcher matcher = PATH_VARIABLE.matcher(endpoint.pattern());
            while (matcher.find()) {
                Supplier<Object> supplier = real.get(endpoint.pattern().substring(0, matcher.end()));
                if (supplier != null) {
                    values.put(matcher.group(1), String.valueOf(supplier.get()));
                }
            }
            return values;
        }

        /** Ids that are nobody's: a random UUID, 1, or a random token, by the variable's type. */
        Map<String, String> unknownPathValues(Endpoint endpoint) {
            Map<String, String> values = new LinkedHashMap<>();
            Matcher matcher = PATH_VARIABLE.matcher(endpoint.pattern());
            while (matcher.find()) {
                String name = matcher.group(1);
                Class<?> type = Arrays.stream(endpoint.handler().getMethodParameters())
                        .filter(p -> p.hasParameterAnnotation(PathVariable.class))
                        .peek(p -> p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer()))
                        .filter(p -> name.equals(p.getParameterName())
                                || name.equals(Objects.requireNonNull(p.getParameterAnnotation(PathVariable.class)).value()))
                        .map(MethodParameter::getParameterType).findFirst().orElse(String.class);
                values.put(name, type == UUID.class ? UUID.randomUUID().toString()
                        : type == String.class ? "Nobody" + UUID.randomUUID().toString().replace("-", "") : "1");
            }
            return values;
        }

        /** A colleague referred and assigned to the supporter: an open case of theirs. */
        UUID assignedCase() {
            long referred = fixtures.physician(place.departmentId());
            referrals.refer(physician, new NewReferral(referred, false, false, Trigger.values()[0], false,
                    "Hostile input", false, UUID.randomUUID()));
            UUID id = jdbc.queryForObject("select id from referral where physician_id = ? and status <> 'CLOSED'",
                    UUID.class, referred);
            triage.assign(id, supporter.id(), jdbc.queryForObject("select version from referral where id = ?",
                    Long.class, id), coordinator);
            return id;
        }

        /** Modules the battery added are retired, as the curriculum's other tests expect. */
        void retireAddedModules(List<ModuleView> before) {
            Set<Long> existing = new LinkedHashSet<>(before.stream().map(ModuleView::id).toList());
            for (ModuleView m : training.curriculum()) {
                if (!existing.contains(m.id()) && m.active()) {
                    training.changeModule(m.id(), m.title(), m.description(), m.hours(), false, false, m.version());
                }
            }
        }
    }
}
