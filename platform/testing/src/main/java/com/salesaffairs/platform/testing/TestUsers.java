package com.salesaffairs.platform.testing;

/** The realm's demo users (identity-config), as signed test tokens with the same ids, roles and teams. */
public final class TestUsers {
    public static final String ALICE_ID = "00000000-0000-4000-8000-0000000000a1";
    public static final String BOB_ID = "00000000-0000-4000-8000-0000000000a2";
    public static final String CINDY_ID = "00000000-0000-4000-8000-0000000000a3";
    public static final String MIKE_ID = "00000000-0000-4000-8000-0000000000a4";
    public static final String WENDY_ID = "00000000-0000-4000-8000-0000000000a5";
    public static final String DIANA_ID = "00000000-0000-4000-8000-0000000000a6";
    public static final String FIONA_ID = "00000000-0000-4000-8000-0000000000a7";
    public static final String WALT_ID = "00000000-0000-4000-8000-0000000000a8";
    public static final String RITA_ID = "00000000-0000-4000-8000-0000000000a9";
    public static final String SAM_ID = "00000000-0000-4000-8000-0000000000aa";
    public static final String DORA_ID = "00000000-0000-4000-8000-0000000000ab";
    public static final String PAUL_ID = "00000000-0000-4000-8000-0000000000ac";
    public static final String ERIN_ID = "00000000-0000-4000-8000-0000000000ad";
    public static final String ADMIN_ID = "00000000-0000-4000-8000-0000000000ae";

    private TestUsers() {
    }

    public static String alice() {
        return TestTokens.user("alice", ALICE_ID).roles("sales-rep").team("east-1", "east").sign();
    }

    public static String bob() {
        return TestTokens.user("bob", BOB_ID).roles("sales-rep").team("east-1", "east").sign();
    }

    public static String cindy() {
        return TestTokens.user("cindy", CINDY_ID).roles("sales-rep").team("west-1", "west").sign();
    }

    public static String mike() {
        return TestTokens.user("mike", MIKE_ID).roles("sales-manager").team("east-1", "east").sign();
    }

    public static String wendy() {
        return TestTokens.user("wendy", WENDY_ID).roles("sales-manager").team("west-1", "west").sign();
    }

    public static String diana() {
        return TestTokens.user("diana", DIANA_ID).roles("sales-director").sign();
    }

    public static String fiona() {
        return TestTokens.user("fiona", FIONA_ID).roles("finance").sign();
    }

    public static String walt() {
        return TestTokens.user("walt", WALT_ID).roles("warehouse").sign();
    }

    public static String rita() {
        return TestTokens.user("rita", RITA_ID).roles("order-reviewer").sign();
    }

    public static String sam() {
        return TestTokens.user("sam", SAM_ID).roles("aftersales-agent").sign();
    }

    public static String dora() {
        return TestTokens.user("dora", DORA_ID).roles("data-steward").sign();
    }

    public static String paul() {
        return TestTokens.user("paul", PAUL_ID).roles("policy-admin").sign();
    }

    public static String erin() {
        return TestTokens.user("erin", ERIN_ID).roles("executive").sign();
    }

    public static String admin() {
        return TestTokens.user("admin", ADMIN_ID).roles("admin").sign();
    }
}
