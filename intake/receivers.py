"""What intake does when the timeline changes under it: proposals follow merged actors, and find the
actors made or renamed after they were read."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from intake.models import Proposal
from intake.services.proposals import proposals_link_named
from timeline.models import Actor
from timeline.services.actors import actors_merged


@receiver(actors_merged, sender=Actor)
def proposals_follow_merged_actors(*, keep: Actor, merged_ids: list[int], **_kwargs) -> None:
    """Proposals that named a merged actor name the one kept: as speaker, as a linked actor and in their
    `actors` list. A fixed number of queries, plus one update per proposal whose list names one."""
    Proposal.objects.filter(speaker_id__in=merged_ids).update(speaker=keep)
    through = Proposal.linked_actors.through
    linked = list(through.objects.filter(actor_id__in=merged_ids).values_list("proposal_id", flat=True))
    through.objects.bulk_create([through(proposal_id=p, actor_id=keep.pk) for p in set(linked)], ignore_conflicts=True)
    through.objects.filter(actor_id__in=merged_ids).delete()
    merged = set(merged_ids)
    changed = []
    for proposal in Proposal.objects.filter(pk__in=linked).only("pk", "actors"):
        for mention in proposal.actors:
            if isinstance(mention, dict) and mention.get("actor_id") in merged:
                mention["actor_id"] = keep.pk
        changed.append(proposal)
    Proposal.objects.bulk_update(changed, ["actors"])


@receiver(post_save, sender=Actor)
def proposals_follow_new_names(*, instance: Actor, **_kwargs) -> None:
    proposals_link_named(actors=[instance])
