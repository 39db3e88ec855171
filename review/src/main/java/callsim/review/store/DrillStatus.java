package callsim.review.store;

/** Where a drill stands: still on the line, ended normally, or cut off (dropped call, crashed process). */
public enum DrillStatus { RUNNING, COMPLETE, PARTIAL }
