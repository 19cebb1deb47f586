package org.pitbox.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pitbox.protocol.api.CreateTeamRequest;
import org.pitbox.protocol.api.InviteView;
import org.pitbox.protocol.api.MemberView;
import org.pitbox.protocol.api.TeamView;

/** Teams, roles, invites, leaving and removal. */
abstract class TeamApi extends ApiTestBase {
    @Test
    void theCreatorOwnsTheTeamAndSeesItInTheirList() throws Exception {
        User u = newUser();
        TeamView t = send("POST", "/api/v1/teams", u.token(), new CreateTeamRequest("Scuderia")).is(201)
                .as(TeamView.class);
        assertEquals("Scuderia", t.name());
        assertEquals("owner", t.role());
        assertEquals(List.of(t), send("GET", "/api/v1/teams", u.token(), null).is(200)
                .as(new TypeReference<List<TeamView>>() { }));
        send("POST", "/api/v1/teams", u.token(), "{}").fails(400, "missing_field");
    }

    @Test
    void invitesAreSingleUseAndGiveTheirRole() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        InviteView invite = send("POST", "/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", "engineer"))
                .is(201).as(InviteView.class);
        assertEquals("engineer", invite.role());
        assertTrue(Instant.parse(invite.expiresAt()).isAfter(clock.instant()));
        User joiner = newUser();
        TeamView joined = send("POST", "/api/v1/invites/" + invite.code() + "/accept", joiner.token(), null).is(200)
                .as(TeamView.class);
        assertEquals(new TeamView(team, joined.name(), "engineer"), joined);
        send("POST", "/api/v1/invites/" + invite.code() + "/accept", newUser().token(), null).fails(410, "invite_used");
        send("POST", "/api/v1/invites/nonsense/accept", joiner.token(), null).fails(404, "invite_not_found");
        List<MemberView> members = send("GET", "/api/v1/teams/" + team + "/members", joiner.token(), null).is(200)
                .as(new TypeReference<List<MemberView>>() { });
        assertEquals(List.of("owner", "engineer"), members.stream().map(MemberView::role).toList());
        assertEquals(joiner.email(), members.get(1).email());
    }

    @Test
    void expiredInvitesAreGoneAndMembersCannotJoinTwice() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        String code = send("POST", "/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", "driver"))
                .is(201).as(InviteView.class).code();
        send("POST", "/api/v1/invites/" + code + "/accept", owner.token(), null).fails(409, "already_member");
        String expiring = send("POST", "/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", "driver"))
                .is(201).as(InviteView.class).code();
        clock.advance(Duration.ofDays(8));
        try {
            User fresh = newUser();
            send("POST", "/api/v1/invites/" + expiring + "/accept", fresh.token(), null).fails(410, "invite_expired");
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void onlyOwnersInviteAndRemoveAndRolesMustBeKnown() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User engineer = member(team, owner, "engineer");
        User viewer = member(team, owner, "viewer");
        send("POST", "/api/v1/teams/" + team + "/invites", engineer.token(), Map.of("role", "viewer"))
                .fails(403, "forbidden");
        send("POST", "/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", "admin"))
                .fails(400, "invalid_role");
        send("DELETE", "/api/v1/teams/" + team + "/members/" + viewer.id(), engineer.token(), null)
                .fails(403, "forbidden");
        send("DELETE", "/api/v1/teams/" + team + "/members/" + viewer.id(), owner.token(), null).is(204);
        send("GET", "/api/v1/teams/" + team + "/members", viewer.token(), null).fails(404, "team_not_found");
        send("DELETE", "/api/v1/teams/" + team + "/members/" + viewer.id(), owner.token(), null)
                .fails(404, "member_not_found");
    }

    @Test
    void membersLeaveButTheLastOwnerStays() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User driver = member(team, owner, "driver");
        send("DELETE", "/api/v1/teams/" + team + "/members/me", driver.token(), null).is(204);
        assertEquals(List.of(), send("GET", "/api/v1/teams", driver.token(), null).is(200).as(List.class));
        send("DELETE", "/api/v1/teams/" + team + "/members/me", owner.token(), null).fails(409, "last_owner");
        send("DELETE", "/api/v1/teams/" + team + "/members/" + owner.id(), owner.token(), null)
                .fails(409, "last_owner");
        User second = member(team, owner, "owner");
        send("DELETE", "/api/v1/teams/" + team + "/members/me", owner.token(), null).is(204);
        send("DELETE", "/api/v1/teams/" + team + "/members/me", second.token(), null).fails(409, "last_owner");
    }

    @Test
    void anOwnerIsNeverRemovedByAnotherOwner() throws Exception {
        User creator = newUser();
        long team = newTeam(creator);
        User coOwner = member(team, creator, "owner");
        send("DELETE", "/api/v1/teams/" + team + "/members/" + creator.id(), coOwner.token(), null)
                .fails(403, "forbidden");
        send("DELETE", "/api/v1/teams/" + team + "/members/" + coOwner.id(), creator.token(), null)
                .fails(403, "forbidden");
        send("DELETE", "/api/v1/teams/" + team + "/members/me", coOwner.token(), null).is(204);
    }

    @Test
    void anOwnerRevokesAnInvite() throws Exception {
        User owner = newUser();
        long team = newTeam(owner);
        User engineer = member(team, owner, "engineer");
        String code = send("POST", "/api/v1/teams/" + team + "/invites", owner.token(), Map.of("role", "driver"))
                .is(201).as(InviteView.class).code();
        send("DELETE", "/api/v1/teams/" + team + "/invites/" + code, engineer.token(), null).fails(403, "forbidden");
        User other = newUser();
        long otherTeam = newTeam(other);
        send("DELETE", "/api/v1/teams/" + otherTeam + "/invites/" + code, other.token(), null)
                .fails(404, "invite_not_found");
        send("DELETE", "/api/v1/teams/" + team + "/invites/" + code, owner.token(), null).is(204);
        send("POST", "/api/v1/invites/" + code + "/accept", newUser().token(), null).fails(404, "invite_not_found");
        send("DELETE", "/api/v1/teams/" + team + "/invites/" + code, owner.token(), null)
                .fails(404, "invite_not_found");
    }
}
