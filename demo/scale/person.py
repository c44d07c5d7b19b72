"""One fictional person and everything that belongs to them: login, relations, consents,
the plan, self-ratings and MI tools, conversations and evaluations, the audit trail.

A mixin of demo/scale/build.py's Generator (its tables, random source and helpers).
"""

from datetime import timedelta

from accounts.models import Role
from conversations.models import MotivationStage
from demo.scale import FICTIONAL_NUMBER, person_username, scale_secret
from demo.scale import texts as T
from plans.models import LifeArea


class PersonRows:
    def person(self, org_id, primary, workers, staff, teams, team_members):
        rng, now, today = self.rng, self.now, self.today
        self.person_numbers += 1
        first, last = rng.choice(T.FIRST_NAMES), rng.choice(T.LAST_NAMES)
        display_name = f"{first} {last}"
        pronoun = rng.choice(["han", "hun", "hen"])
        created = self.days_ago(20, 1400)
        person_id = self.t_person.new_id()
        size = rng.choices((0.4, 0.9, 1.5, 2.5), weights=(30, 45, 15, 10))[0]  # plans differ a lot in size

        user_id = None
        if rng.random() < 0.4:  # has their own login
            username = person_username(self.run, self.person_numbers)
            user_id = self.t_user.new_id()
            two_factor = rng.random() < 0.1
            joined = self.between(created, now)
            self.t_user.add(
                user_id,
                self.password,
                self.days_ago(0, 60),
                False,
                username,
                "",
                "",
                "",
                False,
                True,
                joined,
                Role.PERSON,
                display_name,
                org_id,
                None,
                scale_secret(username) if two_factor else "",
                joined if two_factor else None,
            )
            invite_id = self.t_invite.new_id()
            self.t_invite.add(
                invite_id,
                person_id,
                self.token("invite", invite_id),
                primary[0],
                joined - timedelta(days=2),
                joined + timedelta(days=5),
                joined,
            )
        elif rng.random() < 0.1:  # invited, not used yet (or expired)
            invite_id = self.t_invite.new_id()
            sent = self.days_ago(0, 30)
            self.t_invite.add(
                invite_id, person_id, self.token("invite", invite_id), primary[0], sent, sent + timedelta(days=7), None
            )
        self.t_person.add(
            person_id,
            org_id,
            display_name,
            user_id,
            rng.choice(T.ABOUT) + (" " + rng.choice(T.ABOUT) if rng.random() < 0.3 else "")
            if rng.random() < 0.5
            else "",
            rng.randint(0, 3),
            created,
        )

        # Who works with the person, who may read, who is shut out.
        contacts = [primary]
        if rng.random() < 0.4 and len(workers) > 1:
            other = rng.choice(workers)
            if other[0] != primary[0]:
                contacts.append(other)
        for contact in contacts:
            self.t_care.add(
                self.t_care.new_id(), contact[0], person_id, self.between(created, now - timedelta(days=10)), None
            )
        if rng.random() < 0.2:
            former = rng.choice(staff)
            started = self.between(created - timedelta(days=300), created)
            ended = self.between(started, created)
            self.t_care.add(self.t_care.new_id(), former[0], person_id, started, ended)
            note = "Jeg slutter i teamet. Den nye kontakten din ringer deg før vi møtes neste gang."
            self.t_handover.add(
                self.t_handover.new_id(), person_id, former[0], primary[0], ended.date(), note, None, ended
            )
        consent_team = None
        if rng.random() < 0.3:
            consent_team = rng.choice(teams)
            given = self.between(created, now - timedelta(days=1))
            self.t_consent.add(
                self.t_consent.new_id(),
                person_id,
                consent_team,
                given,
                today + timedelta(days=rng.randint(10, 365)),
                None,
            )
        if rng.random() < 0.1:
            given = self.between(created, now - timedelta(days=60))
            withdrawn = self.between(given, now) if rng.random() < 0.5 else None
            team = rng.choice(teams)
            if team == consent_team and withdrawn is None:  # one open consent per team (people/0002)
                withdrawn = self.between(given, now)
            self.t_consent.add(
                self.t_consent.new_id(),
                person_id,
                team,
                given,
                (given + timedelta(days=30)).date() if withdrawn is None else today + timedelta(days=90),
                withdrawn,
            )
        contact_ids = {c[0] for c in contacts}
        if rng.random() < 0.02:
            blocked = rng.choice(staff)
            if blocked[0] not in contact_ids:
                self.t_block.add(self.t_block.new_id(), person_id, blocked[0], self.between(created, now))

        authors = [user_id] * 2 + [c[0] for c in contacts] if user_id else [c[0] for c in contacts]
        helper_name = rng.choice(T.FIRST_NAMES)
        fill = lambda text: text.replace("{name}", helper_name) if "{" in text else text  # noqa: E731

        def stamps(start=created):
            made = self.between(start, now)
            by = rng.choice(authors)
            if rng.random() < 0.2:
                return 1, made, by, self.between(made, now), rng.choice(authors)
            return 0, made, by, made, by

        # The plan.
        goals = []
        for order in range(max(1, self.n(3 * size)) if rng.random() < 0.92 else 0):
            area = rng.choice(LifeArea.values)
            goal_id = self.t_goal.new_id()
            version, made, by, changed, changed_by = stamps()
            status = rng.choices(("underveis", "pause", "naadd", "lagt-bort"), weights=(70, 10, 15, 5))[0]
            self.t_goal.add(
                goal_id,
                person_id,
                version,
                made,
                by,
                changed,
                changed_by,
                rng.choice(T.GOALS[area]),
                rng.sample(self.elements, rng.randint(0, 2)) if self.elements else [],
                area if rng.random() < 0.85 else "",
                fill(rng.choice(["{name}", "Søsteren min", "Kontaktpersonen", "Gjengen på huset", ""])),
                today + timedelta(days=rng.randint(20, 200)) if rng.random() < 0.3 else None,
                today + timedelta(days=rng.randint(-7, 30)) if rng.random() < 0.25 else None,
                status,
                "Når jeg har holdt på en måned og det kjennes greit." if rng.random() < 0.5 else "",
                order,
            )
            goals.append((goal_id, made))
        subgoals = {}
        for order in range(self.n(2 * size) if goals else 0):
            goal_id, goal_made = rng.choice(goals)
            subgoal_id = self.t_subgoal.new_id()
            version, made, by, changed, changed_by = stamps(goal_made)
            self.t_subgoal.add(
                subgoal_id, person_id, version, made, by, changed, changed_by, goal_id, rng.choice(T.SUBGOALS),
                rng.random() < 0.4, order,
            )  # fmt: skip
            subgoals.setdefault(goal_id, []).append(subgoal_id)
        steps, done_steps = [], []
        for order in range(self.n(9 * size) if goals else 0):
            goal_id, goal_made = rng.choice(goals)
            step_id = self.t_step.new_id()
            version, made, by, changed, changed_by = stamps(goal_made)
            done_at = None
            if rng.random() < 0.45:
                done_at = self.days_ago(0, 7) if rng.random() < 0.12 else self.between(made, now)
            self.t_step.add(
                step_id,
                person_id,
                version,
                made,
                by,
                changed,
                changed_by,
                goal_id,
                rng.choice(subgoals[goal_id]) if goal_id in subgoals and rng.random() < 0.5 else None,
                fill(rng.choice(T.STEPS)),
                fill(rng.choice(T.HELPERS)),
                today + timedelta(days=rng.randint(-10, 40)) if rng.random() < 0.4 else None,
                done_at,
                rng.choice(authors) if done_at else None,
                order,
            )
            steps.append(step_id)
            if done_at:
                done_steps.append((step_id, done_at))
        for _ in range(self.n(3 * size)):
            step_id, made = rng.choice(done_steps) if done_steps and rng.random() < 0.5 else (None, None)
            version, made2, by, changed, changed_by = stamps()
            made = made or made2
            self.t_win.add(self.t_win.new_id(), person_id, 0, made, by, made, by, step_id, fill(rng.choice(T.WINS)))
        for _ in range(self.n(3 * size)):
            made = self.days_ago(0, 30)
            by = rng.choice(authors)
            self.t_daygoal.add(
                self.t_daygoal.new_id(), person_id, 0, made, by, made, by, fill(rng.choice(T.DAY_GOALS)),
                made.date(), made + timedelta(hours=5) if rng.random() < 0.5 else None,
            )  # fmt: skip
        for _ in range(self.n(7 * size)):
            category = rng.choice(("styrker", "interesser", "nettverk", "mestring"))
            entry_id = self.t_resource.new_id()
            version, made, by, changed, changed_by = stamps()
            text = rng.choice(T.RESOURCES[category])
            removed = self.between(made, now) if rng.random() < 0.1 else None
            self.t_resource.add(entry_id, person_id, version, made, by, changed, changed_by, category, text, removed)
            self.t_reschange.add(self.t_reschange.new_id(), person_id, entry_id, "lagt-til", category, text, made, by)
            if version:
                self.t_reschange.add(
                    self.t_reschange.new_id(), person_id, entry_id, "endret", category, text, changed, changed_by
                )
            if removed:
                self.t_reschange.add(
                    self.t_reschange.new_id(), person_id, entry_id, "tatt-bort", category, text, removed, by
                )
        network = []
        for _ in range(self.n(8 * size)):
            group = rng.choice(("familie-venner", "hjelpere", "fellesskap"))
            entry_id = self.t_network.new_id()
            version, made, by, changed, changed_by = stamps()
            name = rng.choice(T.NETWORK[group]).replace("{name}", rng.choice(T.FIRST_NAMES))
            contact = FICTIONAL_NUMBER if rng.random() < 0.5 else ""  # never a number someone may have
            self.t_network.add(
                entry_id, person_id, version, made, by, changed, changed_by, name,
                rng.choice(("naer", "midt", "ytre")), group, rng.choice(T.NETWORK_NOTES), contact,
            )  # fmt: skip
            network.append((entry_id, name, contact))
        if rng.random() < 0.6:
            plan_id = self.t_crisis.new_id()
            version, made, by, changed, changed_by = stamps()
            self.t_crisis.add(plan_id, person_id, version, made, by, changed, changed_by, [])
            for key, text in (
                ("selv", rng.choice(T.CRISIS_HELPS)),
                ("hjelper-ikke", rng.choice(T.CRISIS_NOT_HELPS)),
                ("motes", rng.choice(T.CRISIS_MEET)),
            ):
                self.t_crisis_part.add(
                    self.t_crisis_part.new_id(), person_id, version, made, by, changed, changed_by, plan_id, key, text
                )
            for order, (sign, what) in enumerate(rng.sample(T.WARNING_SIGNS, self.n(3))):
                self.t_sign.add(
                    self.t_sign.new_id(), person_id, 0, made, by, made, by, plan_id, sign, fill(what), order
                )
            for order in range(self.n(2)):
                linked = rng.choice(network) if network and rng.random() < 0.3 else None
                name, reach, helps = rng.choice(T.CRISIS_CONTACTS)
                self.t_contact.add(
                    self.t_contact.new_id(), person_id, 0, made, by, made, by, plan_id,
                    linked[0] if linked else None, "hjelp", linked[1] if linked else fill(name),
                    (linked[2] or reach) if linked else reach, helps, order,
                )  # fmt: skip
        for _ in range(self.n(6 * size)):
            text, kind = rng.choice(T.WEEK)
            version, made, by, changed, changed_by = stamps()
            self.t_week.add(
                self.t_week.new_id(), person_id, version, made, by, changed, changed_by, rng.randint(0, 6),
                rng.randint(0, 2), fill(text), kind, rng.choice(goals)[0] if goals and rng.random() < 0.3 else None,
            )  # fmt: skip

        # Self-rating and MI tools.
        level = rng.randint(2, 6)
        for _ in range(self.n(3 * size)):
            level = min(10, max(0, level + rng.choice((-1, 0, 1, 1))))
            made = self.between(created, now)
            by = user_id or primary[0]
            values = [min(10, max(0, level + rng.randint(-2, 2))) for _ in range(5)]
            self.t_rating.add(
                self.t_rating.new_id(), person_id, 0, made, by, made, by, *values,
                rng.choice(T.RATING_COMMENTS) if rng.random() < 0.3 else "",
                rng.choice(T.RATING_COMMENTS) if rng.random() < 0.2 else "",
                rng.choice(T.RATING_COMMENTS) if rng.random() < 0.2 else "",
            )  # fmt: skip
        for _ in range(self.n(0.5 * size)):
            cross_id = self.t_cross.new_id()
            topic = rng.choice(T.CROSS_TOPICS)
            texts = [rng.choice(T.CROSS_TEXTS[k]) for k in ("pros_now", "cons_now", "pros_change", "cons_change")]
            revisions = rng.randint(1, 3)
            version, made, by, changed, changed_by = stamps()
            goal = rng.choice(goals)[0] if goals and rng.random() < 0.3 else None
            self.t_cross.add(cross_id, person_id, revisions - 1, made, by, changed, changed_by, topic, goal, *texts)
            for number in range(1, revisions + 1):
                self.t_revision.add(
                    self.t_revision.new_id(), person_id, cross_id, number, topic, *texts,
                    made if number == 1 else changed, by,
                )  # fmt: skip
        for _ in range(self.n(1.5 * size)):
            made = self.between(created, now)
            by = rng.choice(authors)
            importance = rng.randint(3, 10) if rng.random() < 0.9 else None
            confidence = rng.randint(1, 9) if importance is None or rng.random() < 0.8 else None
            self.t_ruler.add(
                self.t_ruler.new_id(), person_id, 0, made, by, made, by, rng.choice(T.CROSS_TOPICS),
                rng.choice(goals)[0] if goals and rng.random() < 0.3 else None, importance, confidence,
                rng.choice(T.RULER_TEXTS), rng.choice(T.RULER_TEXTS), rng.choice(T.RULER_TEXTS), "",
            )  # fmt: skip

        # Conversations and what both thought afterwards.
        n_talks = self.n(10 * size)
        recent = rng.random() < 0.7
        for index in range(n_talks):
            latest = index == n_talks - 1
            held = self.days_ago(0, 45) if latest and recent else self.between(created, now)
            talk_id = self.t_conversation.new_id()
            by = rng.choice(contacts)[0] if rng.random() < 0.9 else primary[0]
            underway = latest and rng.random() < 0.05
            ended = None if underway else held + timedelta(minutes=rng.randint(20, 90))
            notes = " ".join(
                s.replace("{first}", first).replace("{pronoun}", pronoun)
                for s in rng.sample(T.NOTE_SENTENCES, rng.randint(1, 4))
            )
            used = rng.sample(self.questions, min(len(self.questions), rng.randint(0, 5))) if self.questions else []
            self.t_conversation.add(
                talk_id, person_id, rng.randint(0, 6), held, by, ended or held, by, held.date(),
                rng.choice(self.phases) if self.phases else "",
                rng.choice(self.elements) if self.elements and rng.random() < 0.7 else "",
                rng.choice(T.SITUATIONS), True, [], [], notes,
                rng.choice(MotivationStage.values) if rng.random() < 0.7 else "",
                used, today + timedelta(days=rng.randint(-5, 14)) if latest and rng.random() < 0.4 else None, ended,
            )  # fmt: skip
            if steps and rng.random() < 0.25:
                self.t_conversation_step.add(self.t_conversation_step.new_id(), talk_id, rng.choice(steps))
            if ended is None:
                continue
            answered = rng.random() < 0.5
            if answered:
                at = ended + timedelta(hours=rng.randint(1, 72))
                self.t_person_eval.add(
                    self.t_person_eval.new_id(), person_id, 0, at, user_id, at, user_id, talk_id,
                    rng.choices((2, 3, 4, 5), weights=(5, 20, 45, 30))[0],
                    rng.sample(self.elements, rng.randint(1, 2)) if self.elements else [],
                    rng.choice(T.TAKEAWAYS), "",
                )  # fmt: skip
            if rng.random() < 0.7:
                at = ended + timedelta(hours=rng.randint(1, 48))
                self.t_staff_eval.add(
                    self.t_staff_eval.new_id(), person_id, 0, at, by, at, by, talk_id, rng.randint(3, 5),
                    rng.randint(2, 5), rng.randint(3, 5),
                    rng.sample(self.elements, rng.randint(1, 2)) if self.elements else [],
                    rng.choice(T.FOLLOW_UPS).replace("{first}", first),
                )  # fmt: skip
            if user_id is None and rng.random() < 0.2:
                link_id = self.t_link.new_id()
                self.t_link.add(
                    link_id, person_id, talk_id, self.token("link", link_id), ended, by,
                    ended + timedelta(days=14), ended + timedelta(hours=3) if answered else None,
                )  # fmt: skip

        # The audit trail: who has seen and changed the person's data.
        readers = [(c[0], c[1], c[2], "relation") for c in contacts]
        if consent_team and team_members.get(consent_team):
            member = rng.choice(team_members[consent_team])
            readers.append((member, "", Role.PRACTITIONER, "consent"))
        names = {s[0]: (s[1], s[2]) for s in staff}
        object_types = self.object_types
        for _ in range(self.n(50 * size)):
            roll = rng.random()
            if user_id and roll < 0.15:
                actor, name, role, basis = user_id, "", Role.PERSON, "self"
                action = "read" if rng.random() < 0.8 else rng.choice(("create", "update"))
            elif roll < 0.02:
                someone = rng.choice(staff)
                actor, name, role, basis, action = someone[0], someone[1], someone[2], "none", "denied"
            else:
                actor, name, role, basis = rng.choice(readers)
                if not name:
                    name, role = names.get(actor, ("", role))
                action = rng.choices(("read", "create", "update", "export", "print"), weights=(75, 10, 10, 2, 3))[0]
            object_type = rng.choice(object_types)
            self.t_audit.add(
                self.t_audit.new_id(), self.between(created, now), actor, name, role, org_id, person_id,
                "dashboard" if action == "read" and rng.random() < 0.1 else object_type, str(person_id), action, basis,
            )  # fmt: skip
