package org.craftmark.core.contest;

/** The group (组别) an event is held for. */
public enum Group {
    /** 职工组 */
    EMPLOYEE,
    /** 学生组 */
    STUDENT
}
