from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from reader.importers.feed_jobs import schedule_all
from reader.importers.feeds import due_feeds, poll_feed
from reader.models import Feed


class Command(BaseCommand):
    help = ("Poll the registered RSS/Atom feeds that are due (or --all, or the ones named) and import their new "
            "items. One line per feed; exits non-zero when a feed or an item failed.")

    def add_arguments(self, parser):
        parser.add_argument("feeds", nargs="*", help="Feed ids or URLs (default: the active feeds that are due).")
        parser.add_argument("--all", action="store_true", dest="every", help="Poll every active feed, due or not.")
        parser.add_argument("--schedule", action="store_true",
                            help="Poll nothing here: put every active feed's next poll on the job queue (run by "
                                 "manage.py jobs_worker), where each poll schedules the next. Safe to repeat.")

    def handle(self, *args, feeds, every, schedule, **options):
        if schedule:
            count = schedule_all()
            self.stdout.write(f"{count} feed(s) scheduled on the job queue.")
            return
        if feeds:
            ids = [f for f in feeds if f.isdigit()]
            urls = [f for f in feeds if not f.isdigit()]
            chosen = list(Feed.objects.filter(Q(pk__in=ids) | Q(url__in=urls)))
            if len(chosen) < len(set(feeds)):
                known = {str(f.pk) for f in chosen} | {f.url for f in chosen}
                raise CommandError(f"No such feed: {', '.join(f for f in feeds if f not in known)}")
        else:
            chosen = list(Feed.objects.filter(active=True) if every else due_feeds())
        failed = 0
        for feed in chosen:
            result = poll_feed(feed)
            line = f"{result.status:12} {feed.url}: {result.summary()}"
            for item in result.results:
                if item.failed:
                    line += f"\n  failed {item.name}: {item.message}"
            failed += result.failed
            self.stdout.write(self.style.ERROR(line) if result.failed else line)
        self.stdout.write(f"{len(chosen)} feed(s) polled, {failed} with failures.")
        if failed:
            raise CommandError(f"{failed} feed(s) had failures; see their log in the admin.")
