from django.core.management.base import BaseCommand

from reader.extraction.scoring import evaluate_dir, format_table


class Command(BaseCommand):
    help = "Score every NAME.txt against NAME.gold.json in DIR (quotes, speakers, entities, figures)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Folder with NAME.txt and NAME.gold.json pairs.")

    def handle(self, *args, folder, **options):
        self.stdout.write(format_table(*evaluate_dir(folder)))
