"""The job queue (reader/jobs.py) through the database backend's real worker loop, in this process.

Uploads, re-extraction and exports become batches of jobs; the admin answers at once and shows progress; a job
runs once however often its task is delivered, fails alone with its reason, is retried on transient database
errors, and is handed out again when its worker died."""

import io
import json
import subprocess
import sys
import time
import uuid
import zipfile
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reader import ingest, jobs
from reader.admin_lines import history_text
from reader.models import Article, Batch, Entity, Note
from tests.jobqueue import REDIS_URL, forget_rq_queue, redis_or_skip, run_worker

pytestmark = pytest.mark.django_db(transaction=True)  # the worker opens its own (exclusive) transactions
ACTION = "_selected_action"


def article(title: str, body: str = "Primăria a prezentat bugetul pe anul viitor în ședința de joi.") -> bytes:
    return f"date 2025-03-04 TEST\n{title}\n\n{body}\n".encode()


def lines(batch) -> dict[str, tuple[str, str]]:
    return {job.name: (job.status, job.outcome) for job in batch.jobs.all()}


def upload(client, *files, publish=True):
    data = {"files": list(files)}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("admin:reader_article_import"), data)


def test_an_upload_answers_at_once_and_the_batch_page_follows_each_file(admin_client):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("din-arhiva.txt", article("Un titlu din arhivă"))
        z.writestr("poza.jpg", b"\xff\xd8\xff")
    response = upload(admin_client, SimpleUploadedFile("bun.txt", article("Consiliul votează bugetul")),
                      SimpleUploadedFile("gol.txt", b""), SimpleUploadedFile("binar.txt", bytes(range(256)) * 4),
                      SimpleUploadedFile("pachet.zip", archive.getvalue()))
    batch = Batch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("admin:reader_batch_change",
                                                                           args=[batch.pk])
    assert Article.objects.count() == 0  # nothing was imported inside the request
    page = admin_client.get(response["Location"])
    assert page.status_code == 200 and 'hx-trigger="every 2s"' in page.content.decode()
    assert jobs.progress(batch) == jobs.Progress(total=4, done=0, failed=0, running=0, waiting=4)

    assert run_worker() == 4
    batch.refresh_from_db()
    assert batch.finished_at is not None
    assert lines(batch) == {"bun.txt": ("done", "imported"), "gol.txt": ("failed", "failed"),
                            "binar.txt": ("failed", "failed"), "din-arhiva.txt": ("done", "imported")}
    assert "empty" in batch.jobs.get(name="gol.txt").message.lower()
    assert Article.objects.published().count() == 2
    assert not batch.jobs.filter(status="done", data__isnull=False).exists()  # the files are dropped once in
    assert "importat din bun.txt" in [history_text(entry) for entry in LogEntry.objects.all()]
    html = admin_client.get(response["Location"]).content.decode()
    assert "hx-trigger" not in html and "job-failed" in html and "import-imported" in html


def test_the_progress_partial_alone_for_htmx(admin_client):
    upload(admin_client, SimpleUploadedFile("unu.txt", article("Primul titlu")))
    url = reverse("admin:reader_batch_change", args=[Batch.objects.get().pk])
    partial = admin_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="batch-progress"') and "<html" not in partial
    assert "every 2s" in partial and "unu.txt" in partial
    run_worker()
    finished = admin_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-get" not in finished  # polling stops with the last job
    assert "100%" in finished


def test_a_task_delivered_twice_runs_its_job_once():
    batch = jobs.enqueue_import(items=[("o-data.txt", article("O singură dată"))])
    job = batch.jobs.get()
    first = jobs.import_file.call(job.pk)
    second = jobs.import_file.call(job.pk)
    assert first.startswith("imported") and second.startswith("nothing to do")
    job.refresh_from_db()
    assert (job.status, job.attempts, Article.objects.get().revision) == ("done", 1, 1)
    # The same file in a new batch changes nothing either.
    again = jobs.enqueue_import(items=[("o-data.txt", article("O singură dată"))])
    run_worker()
    assert lines(again) == {"o-data.txt": ("done", "unchanged")} and Article.objects.get().revision == 1


def test_a_job_that_raises_fails_alone_with_its_reason(monkeypatch):
    real = ingest.import_article

    def broken(*, name, data, publish=False, **kwargs):
        if name == "rau.txt":
            raise ValueError("a bug in one file")
        return real(name=name, data=data, publish=publish, **kwargs)

    monkeypatch.setattr(ingest, "import_article", broken)
    batch = jobs.enqueue_import(items=[("rau.txt", article("Rău")), ("bun.txt", article("Bun"))])
    run_worker()
    assert lines(batch) == {"rau.txt": ("failed", "failed"), "bun.txt": ("done", "imported")}
    assert batch.jobs.get(name="rau.txt").message == "ValueError: a bug in one file"


def test_transient_database_errors_are_retried_then_given_up(monkeypatch, settings):
    settings.READER_JOB_RETRY_SECONDS = 0
    settings.READER_JOB_RETRIES = 2
    real, calls = ingest.import_article, []

    def flaky(*, name, data, publish=False, **kwargs):
        calls.append(name)
        if name == "odata.txt" and calls.count(name) == 1 or name == "mereu.txt":
            raise OperationalError("server closed the connection unexpectedly")
        return real(name=name, data=data, publish=publish, **kwargs)

    monkeypatch.setattr(ingest, "import_article", flaky)
    batch = jobs.enqueue_import(items=[("odata.txt", article("Merge a doua oară")), ("mereu.txt", article("Nu"))])
    while run_worker():
        pass
    assert lines(batch) == {"odata.txt": ("done", "imported"), "mereu.txt": ("failed", "failed")}
    assert calls.count("odata.txt") == 2 and calls.count("mereu.txt") == 3  # one try and two retries
    assert batch.jobs.get(name="odata.txt").attempts == 2
    assert "server closed the connection" in batch.jobs.get(name="mereu.txt").message


def _dead_worker() -> str:
    """The name a worker on this machine had, whose process has ended."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return f"{jobs.HOST}:{int(gone.stdout)}"


def test_jobs_of_a_dead_worker_are_handed_out_again_and_fail_when_their_tries_are_spent(settings):
    settings.READER_JOB_RETRIES = 1
    dead = _dead_worker()
    batch = jobs.enqueue_import(items=[("reluat.txt", article("Reluat")), ("pierdut.txt", article("Pierdut"))])
    # Both were taken by a worker that was then killed: one on its first try, one on its last.
    batch.jobs.update(status="running", worker=dead)
    batch.jobs.filter(name="reluat.txt").update(attempts=1)
    batch.jobs.filter(name="pierdut.txt").update(attempts=2)
    assert jobs.reclaim() == 2
    assert lines(batch)["pierdut.txt"] == ("failed", "failed")
    assert "stopped during each of 2 tries" in batch.jobs.get(name="pierdut.txt").message
    run_worker()
    assert lines(batch)["reluat.txt"] == ("done", "imported")
    batch.refresh_from_db()
    assert batch.finished_at is not None
    # A live worker's job, within its lease, is left alone.
    live = jobs.enqueue_import(items=[("viu.txt", article("Viu"))])
    live.jobs.update(status="running", worker=jobs.worker_name(), lease_until="2999-01-01T00:00:00Z")
    assert jobs.reclaim() == 0


def test_a_job_whose_worker_died_between_taking_its_task_and_claiming_it_is_handed_out_again():
    # The queue's worker marks the task running (db_worker's claim), then calls the task, which claims the job: a
    # worker killed in between leaves a running task and a waiting job, which no worker would ever take again.
    batch = jobs.enqueue_import(items=[("luat.txt", article("Luat de un worker oprit")),
                                       ("departe.txt", article("Luat pe altă mașină, demult")),
                                       ("viu.txt", article("Luat chiar acum"))])
    tasks = {job.name: DBTaskResult.objects.get(id=job.task_id) for job in batch.jobs.all()}
    tasks["luat.txt"].claim(_dead_worker())
    tasks["departe.txt"].claim("another-machine:4242")
    DBTaskResult.objects.filter(pk=tasks["departe.txt"].pk).update(started_at=timezone.now() - timedelta(hours=1))
    tasks["viu.txt"].claim(jobs.worker_name())  # a live worker about to claim its job is left alone
    assert run_worker() == 0  # the queue holds nothing ready: all three tasks count as running
    assert jobs.reclaim() == 2
    assert lines(batch) == {name: ("waiting", "") for name in tasks}
    assert "stopped before starting it; handed out again" in batch.jobs.get(name="luat.txt").message
    assert {t.status for t in DBTaskResult.objects.filter(pk__in=[tasks["luat.txt"].pk, tasks["departe.txt"].pk])} \
        == {"FAILED"}
    assert run_worker() == 2
    assert lines(batch) == {"luat.txt": ("done", "imported"), "departe.txt": ("done", "imported"),
                            "viu.txt": ("waiting", "")}
    assert jobs.reclaim() == 0


def test_on_rq_a_job_whose_worker_died_before_claiming_it_is_handed_out_again(settings, monkeypatch):
    import django_rq
    from django_tasks_rq import Job as QueuedTask
    from rq.worker import SimpleWorker

    redis_or_skip()
    name = f"test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setitem(django_rq.settings.QUEUES, name, {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600})
    settings.TASKS_QUEUE = name
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}}
    queue = django_rq.get_queue(name)
    taken = None
    try:
        batch = jobs.enqueue_import(items=[("luat.txt", article("Luat de un worker RQ oprit"))])
        # What an RQ worker does with a task before it calls it, by a worker that is then killed.
        dead = SimpleWorker([queue], name=_dead_worker(), connection=queue.connection, job_class=QueuedTask)
        taken, _ = dead.dequeue_job_and_maintain_ttl(timeout=1)
        dead.prepare_execution(taken)
        dead.prepare_job_execution(taken)
        assert jobs.reclaim() == 1
        assert lines(batch) == {"luat.txt": ("waiting", "")}
        SimpleWorker([queue], connection=queue.connection, job_class=QueuedTask).work(burst=True)
        assert lines(batch) == {"luat.txt": ("done", "imported")}
        assert jobs.reclaim() == 0
    finally:  # the taken task stays 'started' until RQ's own clean-up, which this queue will never see
        if taken is not None:
            taken.delete()
        forget_rq_queue(name)


def test_reextract_stale_runs_only_articles_from_other_models(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_bytes(article(f"Articolul {i}"))
    call_command("import_articles", "--now", str(tmp_path))
    old = Article.objects.get(import_key="a1.txt")
    Article.objects.filter(pk=old.pk).update(extraction_version="an-older-model")
    assert list(jobs.stale_articles()) == [old]
    call_command("reextract", "--stale", "--now")
    assert dict(Article.objects.values_list("import_key", "revision")) == {"a0.txt": 1, "a1.txt": 2, "a2.txt": 1}
    assert not jobs.stale_articles().exists()
    # A re-extraction job whose article moved on since (its first try committed) does not run again.
    batch = jobs.enqueue_reextract(articles=Article.objects.filter(pk=old.pk))
    Article.objects.filter(pk=old.pk).update(revision=3)
    run_worker()
    assert lines(batch) == {"a1.txt": ("done", "unchanged")} and Article.objects.get(pk=old.pk).revision == 3


def test_the_admin_reextract_action_queues_and_keeps_notes(admin_client, admin_user, tmp_path):
    (tmp_path / "cu-nota.txt").write_bytes(article("Cu notă", "Primul paragraf are o notă.\n\nAl doilea nu."))
    call_command("import_articles", "--now", str(tmp_path))
    target = Article.objects.get()
    Note.create(paragraph=target.paragraphs.get(position=2), author=admin_user, body="notă", kind="context",
                visibility="public")
    response = admin_client.post(reverse("admin:reader_article_changelist"),
                                 {"action": "reextract", ACTION: [target.pk]})
    batch = Batch.objects.get(kind="reextract")
    assert response["Location"] == reverse("admin:reader_batch_change", args=[batch.pk])
    assert Article.objects.get().revision == 1
    run_worker()
    assert lines(batch) == {"cu-nota.txt": ("done", "re-extracted")}
    assert Article.objects.get().revision == 2
    assert Note.objects.get().paragraph.revision == 2  # the note moved to the new revision


def test_the_admin_export_is_a_job_and_its_file_a_download(admin_client, admin_user, tmp_path):
    (tmp_path / "exportat.txt").write_bytes(article("De exportat", "Paragraful cu nota."))
    call_command("import_articles", "--now", str(tmp_path))
    target = Article.objects.get()
    Note.create(paragraph=target.paragraphs.order_by("position").last(), author=admin_user, body="O notă publică",
                kind="context", visibility="public")
    response = admin_client.post(reverse("admin:reader_article_changelist"),
                                 {"action": "export_annotations", ACTION: [target.pk]})
    batch = Batch.objects.get(kind="export")
    assert response["Location"] == reverse("admin:reader_batch_change", args=[batch.pk])
    run_worker()
    page = admin_client.get(response["Location"]).content.decode()
    download = reverse("admin:reader_batch_output", args=[batch.pk])
    assert download in page
    answer = admin_client.get(download)
    assert "annotations-" in answer["Content-Disposition"]
    data = json.loads(answer.content)
    assert "O notă publică" in json.dumps(data, ensure_ascii=False)
    assert batch.jobs.get().message.startswith("1 article(s), 1 annotation(s)")


def test_batch_pages_belong_to_who_started_them(client, make_user, admin_client):
    upload(admin_client, SimpleUploadedFile("al-adminului.txt", article("Al adminului")))
    batch = Batch.objects.get()
    staff = make_user("redactor", editor=True)
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get(reverse("admin:reader_batch_change", args=[batch.pk])).status_code == 403
    assert client.get(reverse("admin:reader_batch_output", args=[batch.pk])).status_code == 403
    assert batch not in client.get(reverse("admin:reader_batch_changelist")).context["cl"].result_list


def test_an_entity_created_by_another_worker_meanwhile_is_used_not_duplicated(monkeypatch):
    """The race of two workers: between our look-up and our insert, another worker commits the same entity. The
    insert fails on the unique constraint (in a savepoint) and the committed row is used."""
    found = ingest.extract_text("date 2025-01-01 TEST\nTitlu\n\nIon Vasilescu a vorbit la Iași.\n")
    person = next(e for e in found.entities if e.type == "PERSON")
    real_filter, looks = Entity.objects.filter, []

    def look_then_lose_the_race(*args, **kwargs):
        looks.append(kwargs)
        if len(looks) == 1:  # our look-up misses; the other worker commits right after it
            Entity.objects.create(name=person.name, type=person.type, key=ingest.match_key(person.name),
                                  slug="ion-vasilescu-of-the-other-worker", aliases=[])
            return Entity.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Entity.objects, "filter", look_then_lose_the_race)
    entity = ingest._entity_for(person)
    assert Entity.objects.filter(key=ingest.match_key(person.name)).count() == 1
    assert Entity.objects.get().pk == entity.pk and entity.slug == "ion-vasilescu-of-the-other-worker"
    # The insert failed on the constraint; the second look found the row the other worker committed.
    assert sum("type" in look for look in looks) == 2


def test_the_import_command_follows_its_batch_with_a_bar_and_a_summary(tmp_path, capsys):
    """Without --now the command queues and waits; here the worker runs in a thread beside it, as it would in its
    own process."""
    import threading

    from django.db import connection

    (tmp_path / "a.txt").write_bytes(article("Titlul A"))
    (tmp_path / "gol.txt").write_bytes(b"")
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database cannot be shared with a second thread's connection")

    def worker():
        time.sleep(0.5)
        run_worker()

    thread = threading.Thread(target=worker)
    thread.start()
    with pytest.raises(Exception, match="1 file"):
        call_command("import_articles", str(tmp_path))
    thread.join()
    out = capsys.readouterr()
    assert "imported  a.txt" in out.out and "failed    gol.txt" in out.out and "2 file(s), 1 failed." in out.out


def test_an_upload_of_500_files_answers_in_under_two_seconds(admin_client):
    files = [SimpleUploadedFile(f"stire-{i:03d}.txt", article(f"Știrea numărul {i}", "Un paragraf scurt. " * 40))
             for i in range(500)]
    began = time.perf_counter()
    response = upload(admin_client, *files)
    seconds = time.perf_counter() - began
    assert response.status_code == 302
    assert seconds < 2, f"the upload of 500 files took {seconds:.2f} s"
    batch = Batch.objects.get()
    assert jobs.progress(batch) == jobs.Progress(total=500, done=0, failed=0, running=0, waiting=500)
    page = admin_client.get(response["Location"]).content.decode()
    assert "0 gata, 0 eșuate, 0 în lucru, 500 în așteptare, din 500" in page
    print(f"\n500-file upload answered in {seconds:.2f} s")
