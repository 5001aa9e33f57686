using AiRoi.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiRoi.Web.Tests;

public sealed class AccountServiceTests
{
    private readonly InMemoryAccountStore store = new();

    private AccountService As(string role) => new(store, TestAccounts.Gate(TestAccounts.SignedIn(role)), TimeProvider.System);

    [Fact]
    public async Task An_account_signs_in_with_its_password_only_and_only_a_hash_is_stored()
    {
        var created = await As(WebRole.Admin).CreateAsync(new NewAccount("ana.ruiz", "Ana Ruiz", WebRole.Editor, "correct horse battery"), default);

        Assert.True(created.Succeeded);
        Assert.NotNull(await As(WebRole.Admin).VerifyAsync("ana.ruiz", "correct horse battery", default));
        Assert.NotNull(await As(WebRole.Admin).VerifyAsync("ANA.RUIZ", "correct horse battery", default));
        Assert.Null(await As(WebRole.Admin).VerifyAsync("ana.ruiz", "correct horse batterY", default));
        Assert.Null(await As(WebRole.Admin).VerifyAsync("someone-else", "correct horse battery", default));
        var hash = store.HashOf("ana.ruiz");
        Assert.DoesNotContain("correct horse battery", hash, StringComparison.Ordinal);
        // Identity's version 3 format (PBKDF2 with HMAC-SHA512): its first byte is 0x01.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one_and_gives_the_account_a_new_security_stamp()
    {
        var service = As(WebRole.Viewer);
        await As(WebRole.Admin).CreateAsync(new NewAccount("mei.chen", "Mei Chen", WebRole.Viewer, "first password"), default);
        var stampBefore = (await store.FindAsync("mei.chen", default))!.Value.Account.SecurityStamp;

        var wrong = await service.ChangePasswordAsync("mei.chen", "not it at all", "second password", default);
        var tooShort = await service.ChangePasswordAsync("mei.chen", "first password", "short", default);
        var same = await service.ChangePasswordAsync("mei.chen", "first password", "first password", default);
        var changed = await service.ChangePasswordAsync("mei.chen", "first password", "second password", default);

        Assert.Contains("CurrentPassword", wrong.Errors.Keys);
        Assert.Contains("NewPassword", tooShort.Errors.Keys);
        Assert.Contains("NewPassword", same.Errors.Keys);
        Assert.True(changed.Succeeded);
        Assert.NotEqual(stampBefore, changed.Account!.SecurityStamp);
        Assert.Null(await service.VerifyAsync("mei.chen", "first password", default));
        Assert.NotNull(await service.VerifyAsync("mei.chen", "second password", default));
    }

    [Fact]
    public async Task User_names_are_unique_regardless_of_case()
    {
        var admin = As(WebRole.Admin);
        Assert.True((await admin.CreateAsync(new NewAccount("viewer.one", "V", WebRole.Viewer, "a long password"), default)).Succeeded);

        var again = await admin.CreateAsync(new NewAccount("Viewer.One", "V", WebRole.Viewer, "a long password"), default);

        Assert.False(again.Succeeded);
        Assert.Contains("taken", Assert.Single(again.Errors["UserName"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_refused_field_is_named()
    {
        var refused = await As(WebRole.Admin).CreateAsync(new NewAccount("a b", "", "owner", "short"), default);

        Assert.Equal(["DisplayName", "Password", "Role", "UserName"], refused.Errors.Keys.Order().ToArray());
        Assert.Contains("at least 10", refused.Errors["Password"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebRole.Editor)]
    [InlineData(WebRole.Viewer)]
    public async Task Only_an_admin_manages_accounts(string role)
    {
        var service = As(role);

        await Assert.ThrowsAsync<AccessRefusedException>(() => service.CreateAsync(new NewAccount("x.y.z", "X", WebRole.Admin, "a long password"), default));
        await Assert.ThrowsAsync<AccessRefusedException>(() => service.ListAsync(default));
        Assert.False(await store.AnyAsync(default));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_disabled_nor_demoted_until_there_is_another()
    {
        var admin = As(WebRole.Admin);
        var only = (await admin.CreateAsync(new NewAccount("only.admin", "Only", WebRole.Admin, "a long password"), default)).Account!;

        var disabled = await admin.SetDisabledAsync(only.Id, disabled: true, default);
        var demoted = await admin.SetRoleAsync(only.Id, WebRole.Editor, default);

        Assert.False(disabled.Succeeded);
        Assert.Contains("last active admin", disabled.Errors["disabled"][0], StringComparison.Ordinal);
        Assert.False(demoted.Succeeded);
        Assert.Contains("last active admin", demoted.Errors["Role"][0], StringComparison.Ordinal);
        Assert.NotNull(await admin.VerifyAsync("only.admin", "a long password", default));
        Assert.Equal(WebRole.Admin, (await store.ListAsync(default)).Single().Role);

        var second = (await admin.CreateAsync(new NewAccount("second.admin", "Second", WebRole.Admin, "a long password"), default)).Account!;
        Assert.True((await admin.SetRoleAsync(only.Id, WebRole.Editor, default)).Succeeded);
        Assert.False((await admin.SetDisabledAsync(second.Id, disabled: true, default)).Succeeded);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var admin = As(WebRole.Admin);
        var created = await admin.CreateAsync(new NewAccount("leaver", "Leaver", WebRole.Editor, "a long password"), default);

        await admin.SetDisabledAsync(created.Account!.Id, disabled: true, default);

        Assert.Null(await admin.VerifyAsync("leaver", "a long password", default));
    }

    [Fact]
    public async Task The_first_admin_is_created_only_while_there_is_no_account()
    {
        var startUp = new AccountService(store, TestAccounts.Gate(TestAccounts.Anonymous), TimeProvider.System);

        Assert.True(await startUp.CreateFirstAdminAsync("admin", "airoi-admin", default));
        Assert.False(await startUp.CreateFirstAdminAsync("admin2", "airoi-admin", default));

        var admin = await startUp.VerifyAsync("admin", "airoi-admin", default);
        Assert.Equal(WebRole.Admin, admin!.Role);
        Assert.Null(await startUp.VerifyAsync("admin2", "airoi-admin", default));
    }

    [Fact]
    public async Task An_older_hash_is_upgraded_at_sign_in()
    {
        var account = new WebAccount(Guid.NewGuid(), "old.timer", "Old", WebRole.Viewer, DateTimeOffset.UtcNow, null);
        var v2 = new PasswordHasher<WebAccount>(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }));
        await store.TryAddAsync(account, v2.HashPassword(account, "a long password"), default);
        var before = store.HashOf("old.timer");

        Assert.NotNull(await As(WebRole.Viewer).VerifyAsync("old.timer", "a long password", default));

        Assert.Equal(0x00, Convert.FromBase64String(before)[0]);
        Assert.Equal(0x01, Convert.FromBase64String(store.HashOf("old.timer"))[0]);
    }
}
