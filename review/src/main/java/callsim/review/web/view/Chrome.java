package callsim.review.web.view;

/**
 * What every page's frame shows: the title, who is logged in, their links, and the logout form's CSRF
 * token (null when nobody is logged in).
 */
public record Chrome(String title, String userName, String role, String myProgress, boolean supervisor, boolean admin,
                     String csrf) {
    public boolean loggedIn() {
        return csrf != null;
    }
}
