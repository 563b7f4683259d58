-- What a server at v0.1.0 holds, written with v0.1.0's schema in SQL that SQLite and PostgreSQL both read. The upgrade
-- test fills a database at that release's last migration with it, applies every newer migration, and reads it back.
-- Never edit a released file: a new release adds its own. GUIDs upper case: SQLite compares them as text, so.
INSERT INTO "SecurityPolicies" ("Id", "Name", "IsDefault", "Password_MinLength", "Password_MaxLength",
    "Password_BlockCommonPasswords", "Password_HistoryCount", "Lockout_MaxFailedAttempts", "Lockout_LockoutMinutes",
    "Mfa_SmsEnabled", "Mfa_TotpEnabled", "Mfa_PasskeyEnabled", "Mfa_Passwordless", "Mfa_Require",
    "PasswordReset_SmsEnabled", "PasswordReset_CodeLength", "PasswordReset_CodeLifetimeMinutes",
    "PasswordReset_MaxAttempts", "PasswordReset_ResendCooldownSeconds", "PasswordReset_MaxSendsPerHour")
VALUES ('6F9619FF-8B86-D011-B42D-00C04FC964FF', 'Released policy', false, 14, 128, true, 4, 5, 15,
    true, true, false, false, 'Always', true, 7, 10, 5, 60, 5);

INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
    "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled",
    "LockoutEnabled", "AccessFailedCount", "SecondFactorFailedCount", "DisplayName", "SecurityPolicyId")
VALUES ('released-user-1', 'released-ann', 'RELEASED-ANN', 'ann@released.example', 'ANN@RELEASED.EXAMPLE', true,
    'AQAAAAIAAYagAAAAEAxOd1ZzPo0bS8BLEaPSLSXMShUdRPWDN4FuJn3oXD0jCOxMA+D0Od6bBuN2+AXx4g==', 'STAMP1', 'c1',
    '+14155550199', true, false, true, 0, 0, 'Ann Released', '6F9619FF-8B86-D011-B42D-00C04FC964FF');

INSERT INTO "OpenIddictApplications" ("Id", "ClientId", "ClientType", "ConsentType", "DisplayName", "ApplicationType",
    "ConcurrencyToken", "Permissions", "RedirectUris")
VALUES ('released-app-1', 'released-web', 'public', 'implicit', 'Released web', 'web', 'c1',
    '["ept:authorization","ept:token","gt:authorization_code","rst:code","scp:openid"]', '["https://released.example/cb"]');

-- What the limits counted at v0.1.0, each in a table of its own.
INSERT INTO "PasswordResetWrongCodes" ("Id", "FlowId", "UserId", "ClientNetwork", "EnteredAt")
VALUES ('0b7e7dee-87ac-4c30-b1a1-5b1a8e6a0001', '0b7e7dee-87ac-4c30-b1a1-5b1a8e6a0002', 'released-user-1', '203.0.113.7',
    '2026-12-01 10:00:00');
INSERT INTO "PasswordResetSends" ("Id", "FlowId", "UserId", "Destination", "Country", "IpAddress", "SentAt")
VALUES ('0b7e7dee-87ac-4c30-b1a1-5b1a8e6a0003', '0b7e7dee-87ac-4c30-b1a1-5b1a8e6a0002', 'released-user-1', '+14155550199', 'US',
    '203.0.113.7', '2026-12-01 10:00:01');
INSERT INTO "WrongUserCodes" ("Id", "ClientNetwork", "EnteredAt")
VALUES ('0b7e7dee-87ac-4c30-b1a1-5b1a8e6a0004', '198.51.100.9', '2026-12-01 10:00:02');

-- A reset under way at v0.1.0: its code asked for, two attempts taken at it.
INSERT INTO "PasswordResetFlows" ("Id", "UserId", "State", "CreatedAt", "ExpiresAt", "CodeLength", "CodeLifetimeMinutes",
    "MaxAttempts", "ResendCooldownSeconds", "CodeAttempts", "CodeRequestedAt", "CodeExpiresAt")
VALUES ('0B7E7DEE-87AC-4C30-B1A1-5B1A8E6A0002', 'released-user-1', 'CodeSent', '2026-12-01 10:00:00', '2026-12-01 11:00:00', 6, 10,
    5, 60, 2, '2026-12-01 10:00:05', '2026-12-01 10:10:05');
