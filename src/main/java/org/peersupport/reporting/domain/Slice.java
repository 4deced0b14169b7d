package org.peersupport.reporting.domain;

import java.util.Collection;
import java.util.List;

/**
 * Which rows of the summaries a view reads: one department's, some hospitals' (a coordinator's,
 * or one), or the whole program's. Each names the grain of V24's summaries that answers it.
 */
public record Slice(int grain, Long departmentId, Long[] hospitalIds) {

    static final int DEPARTMENT = 0;

    static final int HOSPITAL = 1;

    static final int PROGRAM = 3;

    public static Slice department(long departmentId) {
        return new Slice(DEPARTMENT, departmentId, null);
    }

    public static Slice hospitals(Collection<Long> hospitalIds) {
        return new Slice(HOSPITAL, null, hospitalIds.toArray(Long[]::new));
    }

    public static Slice program() {
        return new Slice(PROGRAM, null, null);
    }

    /**
     * The condition on a grained summary (report_reach, _interaction, _referral, _first_contact).
     * The grain is written into the SQL, not bound: the partial indexes "where grain = 0" are then
     * usable by every plan PostgreSQL may choose, generic ones included.
     */
    String grained(List<Object> args) {
        return switch (grain) {
            case DEPARTMENT -> {
                args.add(departmentId);
                yield "grain = " + DEPARTMENT + " and department_id = ?";
            }
            case HOSPITAL -> {
                args.add(hospitalIds);
                yield "grain = " + HOSPITAL + " and hospital_id = any(?)";
            }
            default -> "grain = " + PROGRAM;
        };
    }

    /** The condition on per-department or per-supporter rows with a hospital_id (report_department). */
    String departments(List<Object> args) {
        return switch (grain) {
            case DEPARTMENT -> {
                args.add(departmentId);
                yield "department_id = ?";
            }
            case HOSPITAL -> {
                args.add(hospitalIds);
                yield "hospital_id = any(?)";
            }
            default -> "true";
        };
    }

    /** The condition on report_supporter: a department's supporters are those serving it. */
    String supporters(List<Object> args) {
        if (grain == DEPARTMENT) {
            args.add(departmentId);
            return "supporter_id in (select supporter_id from supporter_department where department_id = ?)";
        }
        return departments(args);
    }

    /**
     * The condition on report_survey: a department's own published figures, or the published
     * totals of whole campaigns (department_id 0) for hospitals and the program.
     */
    String survey(List<Object> args) {
        return switch (grain) {
            case DEPARTMENT -> {
                args.add(departmentId);
                yield "department_id = ?";
            }
            case HOSPITAL -> {
                args.add(hospitalIds);
                yield "department_id = 0 and hospital_id = any(?)";
            }
            default -> "department_id = 0";
        };
    }
}
