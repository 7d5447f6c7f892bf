"""Stories: named timelines that sources and events belong to (the data moves in 0002b_default_story)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0002_search_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='Story',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(help_text='Stable key, as in ?story=<slug>.', max_length=100, unique=True)),
                ('title', models.CharField(max_length=200)),
                ('description', models.TextField(blank=True, help_text='What the story is about, for readers.')),
                ('notes', models.TextField(blank=True, verbose_name="editors' notes")),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True, help_text='Also touched when sources or events join or leave.')),
            ],
            options={
                'verbose_name_plural': 'stories',
                'ordering': ['title', 'slug'],
            },
        ),
        migrations.AddField(
            model_name='event',
            name='stories',
            field=models.ManyToManyField(blank=True, related_name='events', to='timeline.story'),
        ),
        migrations.AddField(
            model_name='source',
            name='stories',
            field=models.ManyToManyField(blank=True, related_name='sources', to='timeline.story'),
        ),
    ]
