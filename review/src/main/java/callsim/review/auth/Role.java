package callsim.review.auth;

/** Agents see their own drills; supervisors their team's and may override scores; admins everything and manage users. */
public enum Role { AGENT, SUPERVISOR, ADMIN }
